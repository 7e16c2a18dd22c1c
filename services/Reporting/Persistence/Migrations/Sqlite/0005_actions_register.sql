-- The actions register (ADR 0019): actions entered here, and case review actions projected from the case reviews
-- service's ActionUpdated events (source 1, source_reference "review/action"). Narrative actions stay where they are
-- and are read beside these. Text only without personal details; ids, codes and dates otherwise.
CREATE TABLE register_actions (
    id                     TEXT    NOT NULL PRIMARY KEY,
    organisation_code      TEXT    NOT NULL,
    partnership_code       TEXT    NOT NULL,
    source                 INTEGER NOT NULL,
    source_reference       TEXT    NOT NULL,
    description            TEXT    NOT NULL,
    agreed_on              TEXT    NOT NULL,
    due_on                 TEXT    NOT NULL,
    status                 INTEGER NOT NULL,
    completed_on           TEXT    NULL,
    evidence_of_completion TEXT    NOT NULL,
    evidence_of_impact     TEXT    NOT NULL,
    measure_id             TEXT    NOT NULL,
    content_area_id        TEXT    NOT NULL,
    etag                   TEXT    NOT NULL,
    created_at             TEXT    NOT NULL,
    created_by             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    updated_by             TEXT    NOT NULL
);
CREATE INDEX ix_register_actions_organisation ON register_actions (organisation_code);
CREATE INDEX ix_register_actions_partnership ON register_actions (partnership_code);
CREATE UNIQUE INDEX ux_register_actions_case_review ON register_actions (source_reference) WHERE source = 1;

-- Lines proposed from the evidence for a quarterly report; only accepted ones print. proposal_key identifies what
-- raised a line, so proposing again keeps the author's decisions.
CREATE TABLE report_proposals (
    id                TEXT    NOT NULL PRIMARY KEY,
    organisation_code TEXT    NOT NULL,
    period_code       TEXT    NOT NULL,
    proposal_key      TEXT    NOT NULL,
    kind              INTEGER NOT NULL,
    basis             TEXT    NOT NULL,
    measure_id        TEXT    NOT NULL,
    proposed_text     TEXT    NOT NULL,
    text              TEXT    NOT NULL,
    status            INTEGER NOT NULL,
    position          INTEGER NOT NULL,
    etag              TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    updated_by        TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_report_proposals_key ON report_proposals (organisation_code, period_code, proposal_key);
