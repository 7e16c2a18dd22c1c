-- The actions register (ADR 0019): actions entered here, and case review actions projected from the case reviews
-- service's ActionUpdated events (source 1, source_reference "review/action"). Narrative actions stay where they are
-- and are read beside these. Text only without personal details; ids, codes and dates otherwise.
CREATE TABLE register_actions (
    id                     text    NOT NULL PRIMARY KEY,
    organisation_code      text    NOT NULL,
    partnership_code       text    NOT NULL,
    source                 integer NOT NULL,
    source_reference       text    NOT NULL,
    description            text    NOT NULL,
    agreed_on              date    NOT NULL,
    due_on                 date    NOT NULL,
    status                 integer NOT NULL,
    completed_on           date    NULL,
    evidence_of_completion text    NOT NULL,
    evidence_of_impact     text    NOT NULL,
    measure_id             text    NOT NULL,
    content_area_id        text    NOT NULL,
    etag                   text    NOT NULL,
    created_at             timestamptz NOT NULL,
    created_by             text    NOT NULL,
    updated_at             timestamptz NOT NULL,
    updated_by             text    NOT NULL
);
CREATE INDEX ix_register_actions_organisation ON register_actions (organisation_code);
CREATE INDEX ix_register_actions_partnership ON register_actions (partnership_code);
CREATE UNIQUE INDEX ux_register_actions_case_review ON register_actions (source_reference) WHERE source = 1;

-- Lines proposed from the evidence for a quarterly report; only accepted ones print. proposal_key identifies what
-- raised a line, so proposing again keeps the author's decisions.
CREATE TABLE report_proposals (
    id                text    NOT NULL PRIMARY KEY,
    organisation_code text    NOT NULL,
    period_code       text    NOT NULL,
    proposal_key      text    NOT NULL,
    kind              integer NOT NULL,
    basis             text    NOT NULL,
    measure_id        text    NOT NULL,
    proposed_text     text    NOT NULL,
    text              text    NOT NULL,
    status            integer NOT NULL,
    position          integer NOT NULL,
    etag              text    NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text    NOT NULL
);
CREATE UNIQUE INDEX ux_report_proposals_key ON report_proposals (organisation_code, period_code, proposal_key);
