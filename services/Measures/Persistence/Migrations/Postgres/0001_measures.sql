-- Measures: definitions (every revision kept), organisations' content areas, append-only observations
-- and import runs. Figures are never updated; superseded_by/superseded_at are set once, when a later
-- observation of the same key replaces one.
CREATE TABLE measures (
    measure_id          text        NOT NULL PRIMARY KEY,
    current_version     integer     NOT NULL,
    current_revision    integer     NOT NULL,
    title               text        NOT NULL,
    content_area_id     text        NOT NULL,
    type                text        NOT NULL,
    source              text        NOT NULL,
    library_measure_id  text        NULL,
    owner_organisation  text        NOT NULL,
    created_at          timestamptz NOT NULL,
    changed_at          timestamptz NOT NULL,
    retired_at          timestamptz NULL,
    retired_reason      text        NULL
);
CREATE INDEX ix_measures_content_area ON measures (content_area_id, measure_id);

CREATE TABLE measure_revisions (
    measure_id              text        NOT NULL,
    version                 integer     NOT NULL,
    revision                integer     NOT NULL,
    meaning_hash            text        NOT NULL,
    title                   text        NOT NULL,
    description             text        NULL,
    content_area_id         text        NOT NULL,
    type                    text        NOT NULL,
    source                  text        NOT NULL,
    method                  text        NOT NULL,
    unit                    text        NOT NULL,
    numerator_definition    text        NULL,
    denominator_definition  text        NULL,
    polarity                text        NOT NULL,
    frequency               text        NOT NULL,
    sampling                text        NOT NULL,
    follow_up               text        NOT NULL,
    breakdowns              text        NOT NULL,
    change_kind             text        NOT NULL,
    changed_fields          text        NOT NULL,
    reason                  text        NULL,
    changed_by              text        NOT NULL,
    changed_at              timestamptz NOT NULL,
    PRIMARY KEY (measure_id, version, revision)
);

CREATE TABLE content_areas (
    organisation_code        text        NOT NULL,
    content_area_id          text        NOT NULL,
    library_content_area_id  text        NULL,
    group_id                 text        NOT NULL,
    title                    text        NOT NULL,
    why_it_matters           text        NOT NULL,
    items                    text        NOT NULL,
    status                   text        NOT NULL,
    retired_reason           text        NULL,
    revision                 integer     NOT NULL,
    updated_by               text        NOT NULL,
    updated_at               timestamptz NOT NULL,
    PRIMARY KEY (organisation_code, content_area_id)
);

CREATE TABLE observations (
    seq                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                    uuid        NOT NULL,
    organisation_code     text        NOT NULL,
    measure_id            text        NOT NULL,
    measure_version       integer     NOT NULL,
    period_code           text        NOT NULL,
    period_start          date        NOT NULL,
    period_months         integer     NOT NULL,
    breakdown_key         text        NOT NULL,
    state                 text        NOT NULL,
    numerator             numeric     NULL,
    denominator           numeric     NULL,
    amount                numeric     NULL,
    reason                text        NULL,
    rounded_to_nearest    integer     NULL,
    fingerprint           bytea       NOT NULL,
    provenance_kind       text        NOT NULL,
    provenance_file       text        NULL,
    provenance_row        bigint      NULL,
    provenance_reference  text        NULL,
    recorded_by           text        NOT NULL,
    recorded_at           timestamptz NOT NULL,
    supersedes            uuid        NULL,
    correction_reason     text        NULL,
    superseded_by         uuid        NULL,
    superseded_at         timestamptz NULL
);
CREATE UNIQUE INDEX ux_observations_id ON observations (id);
-- At most one current observation per key; also serves series and totals (measure first).
CREATE UNIQUE INDEX ux_observations_current ON observations
    (measure_id, organisation_code, period_start, period_months, measure_version, breakdown_key)
    WHERE superseded_by IS NULL;
CREATE INDEX ix_observations_organisation ON observations (organisation_code, period_start)
    WHERE superseded_by IS NULL;

CREATE TABLE imports (
    import_id                       text        NOT NULL PRIMARY KEY,
    mapping_id                      text        NOT NULL,
    file_name                       text        NOT NULL,
    user_id                         text        NOT NULL,
    organisation_code               text        NULL,
    started_at                      timestamptz NOT NULL,
    completed_at                    timestamptz NOT NULL,
    rows_read                       bigint      NOT NULL,
    rows_imported                   bigint      NOT NULL,
    rows_rejected                   bigint      NOT NULL,
    rows_skipped                    bigint      NOT NULL,
    rows_out_of_scope               bigint      NOT NULL,
    observations_recorded           bigint      NOT NULL,
    observations_skipped_identical  bigint      NOT NULL,
    observations_superseded         bigint      NOT NULL,
    batches                         integer     NOT NULL
);
