-- The organisation's QA timetable: activities planned for a financial year (and quarter), and when and by what
-- (an audit programme, survey wave or report, kept as its id) each was done.
CREATE TABLE qa_activities (
    id                TEXT    NOT NULL PRIMARY KEY,
    organisation_code TEXT    NOT NULL,
    kind              INTEGER NOT NULL,
    content_area_id   TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    planned_year      INTEGER NOT NULL,
    planned_quarter   INTEGER NOT NULL,
    done_on           TEXT    NOT NULL,
    done_by_kind      INTEGER NOT NULL,
    done_by_id        TEXT    NOT NULL,
    etag              TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    updated_by        TEXT    NOT NULL
);
CREATE INDEX ix_qa_activities_organisation ON qa_activities (organisation_code, planned_year);

-- Events that explain a chart, entered once per organisation; the scope lists are space-separated codes.
CREATE TABLE chart_annotations (
    id                TEXT NOT NULL PRIMARY KEY,
    organisation_code TEXT NOT NULL,
    occurred_on       TEXT NOT NULL,
    text              TEXT NOT NULL,
    content_area_ids  TEXT NOT NULL,
    measure_ids       TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL
);
CREATE INDEX ix_chart_annotations_organisation ON chart_annotations (organisation_code, occurred_on);

-- A measure's target and forecast per organisation and period (the measure's own frequency).
CREATE TABLE measure_targets (
    organisation_code TEXT    NOT NULL,
    measure_id        TEXT    NOT NULL,
    period_code       TEXT    NOT NULL,
    period_start      TEXT    NOT NULL,
    period_months     INTEGER NOT NULL,
    target            REAL    NULL,
    forecast          REAL    NULL,
    updated_at        TEXT    NOT NULL,
    updated_by        TEXT    NOT NULL,
    PRIMARY KEY (organisation_code, measure_id, period_code)
);
