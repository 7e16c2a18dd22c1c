-- Measures: definitions (every revision kept), organisations' content areas, append-only observations
-- and import runs. Figures are never updated; superseded_by/superseded_at are set once, when a later
-- observation of the same key replaces one.
CREATE TABLE measures (
    measure_id          TEXT    NOT NULL PRIMARY KEY,
    current_version     INTEGER NOT NULL,
    current_revision    INTEGER NOT NULL,
    title               TEXT    NOT NULL,
    content_area_id     TEXT    NOT NULL,
    type                TEXT    NOT NULL,
    source              TEXT    NOT NULL,
    library_measure_id  TEXT    NULL,
    owner_organisation  TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    changed_at          TEXT    NOT NULL,
    retired_at          TEXT    NULL,
    retired_reason      TEXT    NULL
);
CREATE INDEX ix_measures_content_area ON measures (content_area_id, measure_id);

CREATE TABLE measure_revisions (
    measure_id              TEXT    NOT NULL,
    version                 INTEGER NOT NULL,
    revision                INTEGER NOT NULL,
    meaning_hash            TEXT    NOT NULL,
    title                   TEXT    NOT NULL,
    description             TEXT    NULL,
    content_area_id         TEXT    NOT NULL,
    type                    TEXT    NOT NULL,
    source                  TEXT    NOT NULL,
    method                  TEXT    NOT NULL,
    unit                    TEXT    NOT NULL,
    numerator_definition    TEXT    NULL,
    denominator_definition  TEXT    NULL,
    polarity                TEXT    NOT NULL,
    frequency               TEXT    NOT NULL,
    sampling                TEXT    NOT NULL,
    follow_up               TEXT    NOT NULL,
    breakdowns              TEXT    NOT NULL,
    change_kind             TEXT    NOT NULL,
    changed_fields          TEXT    NOT NULL,
    reason                  TEXT    NULL,
    changed_by              TEXT    NOT NULL,
    changed_at              TEXT    NOT NULL,
    PRIMARY KEY (measure_id, version, revision)
);

CREATE TABLE content_areas (
    organisation_code        TEXT    NOT NULL,
    content_area_id          TEXT    NOT NULL,
    library_content_area_id  TEXT    NULL,
    group_id                 TEXT    NOT NULL,
    title                    TEXT    NOT NULL,
    why_it_matters           TEXT    NOT NULL,
    items                    TEXT    NOT NULL,
    status                   TEXT    NOT NULL,
    retired_reason           TEXT    NULL,
    revision                 INTEGER NOT NULL,
    updated_by               TEXT    NOT NULL,
    updated_at               TEXT    NOT NULL,
    PRIMARY KEY (organisation_code, content_area_id)
);

CREATE TABLE observations (
    seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
    id                    TEXT    NOT NULL,
    organisation_code     TEXT    NOT NULL,
    measure_id            TEXT    NOT NULL,
    measure_version       INTEGER NOT NULL,
    period_code           TEXT    NOT NULL,
    period_start          TEXT    NOT NULL,
    period_months         INTEGER NOT NULL,
    breakdown_key         TEXT    NOT NULL,
    state                 TEXT    NOT NULL,
    numerator             TEXT    NULL,
    denominator           TEXT    NULL,
    amount                TEXT    NULL,
    reason                TEXT    NULL,
    rounded_to_nearest    INTEGER NULL,
    fingerprint           BLOB    NOT NULL,
    provenance_kind       TEXT    NOT NULL,
    provenance_file       TEXT    NULL,
    provenance_row        INTEGER NULL,
    provenance_reference  TEXT    NULL,
    recorded_by           TEXT    NOT NULL,
    recorded_at           TEXT    NOT NULL,
    supersedes            TEXT    NULL,
    correction_reason     TEXT    NULL,
    superseded_by         TEXT    NULL,
    superseded_at         TEXT    NULL
);
CREATE UNIQUE INDEX ux_observations_id ON observations (id);
-- At most one current observation per key; also serves series and totals (measure first).
CREATE UNIQUE INDEX ux_observations_current ON observations
    (measure_id, organisation_code, period_start, period_months, measure_version, breakdown_key)
    WHERE superseded_by IS NULL;
CREATE INDEX ix_observations_organisation ON observations (organisation_code, period_start)
    WHERE superseded_by IS NULL;

CREATE TABLE imports (
    import_id                       TEXT    NOT NULL PRIMARY KEY,
    mapping_id                      TEXT    NOT NULL,
    file_name                       TEXT    NOT NULL,
    user_id                         TEXT    NOT NULL,
    organisation_code               TEXT    NULL,
    started_at                      TEXT    NOT NULL,
    completed_at                    TEXT    NOT NULL,
    rows_read                       INTEGER NOT NULL,
    rows_imported                   INTEGER NOT NULL,
    rows_rejected                   INTEGER NOT NULL,
    rows_skipped                    INTEGER NOT NULL,
    rows_out_of_scope               INTEGER NOT NULL,
    observations_recorded           INTEGER NOT NULL,
    observations_skipped_identical  INTEGER NOT NULL,
    observations_superseded         INTEGER NOT NULL,
    batches                         INTEGER NOT NULL
);
