-- What users write beside the figures; body is the entry's proto3 JSON.
CREATE TABLE narrative_entries (
    id                TEXT    NOT NULL PRIMARY KEY,
    organisation_code TEXT    NOT NULL,
    kind              INTEGER NOT NULL,
    period_code       TEXT    NOT NULL,
    period_start      TEXT    NOT NULL,
    period_end        TEXT    NOT NULL,
    content_area_id   TEXT    NOT NULL,
    measure_id        TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    etag              TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    created_by        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    updated_by        TEXT    NOT NULL
);
CREATE INDEX ix_narrative_entries_scope ON narrative_entries (organisation_code, period_start, kind);

-- Who an organisation code is, where it sits and its strategic priorities; body is proto3 JSON.
CREATE TABLE reporting_profiles (
    organisation_code TEXT NOT NULL PRIMARY KEY,
    body              TEXT NOT NULL,
    etag              TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL
);
