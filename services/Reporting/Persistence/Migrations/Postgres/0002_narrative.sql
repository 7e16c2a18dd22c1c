-- What users write beside the figures; body is the entry's proto3 JSON.
CREATE TABLE narrative_entries (
    id                text        NOT NULL PRIMARY KEY,
    organisation_code text        NOT NULL,
    kind              integer     NOT NULL,
    period_code       text        NOT NULL,
    period_start      date        NOT NULL,
    period_end        date        NOT NULL,
    content_area_id   text        NOT NULL,
    measure_id        text        NOT NULL,
    body              text        NOT NULL,
    etag              text        NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text        NOT NULL
);
CREATE INDEX ix_narrative_entries_scope ON narrative_entries (organisation_code, period_start, kind);

-- Who an organisation code is, where it sits and its strategic priorities; body is proto3 JSON.
CREATE TABLE reporting_profiles (
    organisation_code text        NOT NULL PRIMARY KEY,
    body              text        NOT NULL,
    etag              text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text        NOT NULL
);
