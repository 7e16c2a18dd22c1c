-- The organisation's QA timetable: activities planned for a financial year (and quarter), and when and by what
-- (an audit programme, survey wave or report, kept as its id) each was done.
CREATE TABLE qa_activities (
    id                text    NOT NULL PRIMARY KEY,
    organisation_code text    NOT NULL,
    kind              integer NOT NULL,
    content_area_id   text    NOT NULL,
    title             text    NOT NULL,
    planned_year      integer NOT NULL,
    planned_quarter   integer NOT NULL,
    done_on           text    NOT NULL,
    done_by_kind      integer NOT NULL,
    done_by_id        text    NOT NULL,
    etag              text    NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text    NOT NULL
);
CREATE INDEX ix_qa_activities_organisation ON qa_activities (organisation_code, planned_year);

-- Events that explain a chart, entered once per organisation; the scope lists are space-separated codes.
CREATE TABLE chart_annotations (
    id                text NOT NULL PRIMARY KEY,
    organisation_code text NOT NULL,
    occurred_on       text NOT NULL,
    text              text NOT NULL,
    content_area_ids  text NOT NULL,
    measure_ids       text NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        text NOT NULL
);
CREATE INDEX ix_chart_annotations_organisation ON chart_annotations (organisation_code, occurred_on);

-- A measure's target and forecast per organisation and period (the measure's own frequency).
CREATE TABLE measure_targets (
    organisation_code text             NOT NULL,
    measure_id        text             NOT NULL,
    period_code       text             NOT NULL,
    period_start      date             NOT NULL,
    period_months     integer          NOT NULL,
    target            double precision NULL,
    forecast          double precision NULL,
    updated_at        timestamptz      NOT NULL,
    updated_by        text             NOT NULL,
    PRIMARY KEY (organisation_code, measure_id, period_code)
);
