-- Returns (issue 17): an organisation's figures for a dataset and period, open → submitted → approved → accepted.
-- A return without a row is open. Every transition also appends to return_transitions.
CREATE TABLE returns (
    organisation_code   TEXT    NOT NULL,
    dataset_id          TEXT    NOT NULL,
    period_code         TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    due_on              TEXT    NOT NULL,
    submitted_at        TEXT    NULL,
    submitted_by        TEXT    NULL,
    approved_at         TEXT    NULL,
    approved_by         TEXT    NULL,
    accepted_at         TEXT    NULL,
    accepted_by         TEXT    NULL,
    reason              TEXT    NULL,
    changed_at          TEXT    NOT NULL,
    changed_by          TEXT    NOT NULL,
    revision            INTEGER NOT NULL,
    PRIMARY KEY (organisation_code, dataset_id, period_code)
);

-- The locks look up an organisation's approved returns when a figure is written.
CREATE INDEX ix_returns_organisation_state ON returns (organisation_code, state);

CREATE TABLE return_transitions (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_code   TEXT    NOT NULL,
    dataset_id          TEXT    NOT NULL,
    period_code         TEXT    NOT NULL,
    from_state          TEXT    NOT NULL,
    to_state            TEXT    NOT NULL,
    reason              TEXT    NULL,
    changed_by          TEXT    NOT NULL,
    changed_at          TEXT    NOT NULL
);

CREATE INDEX ix_return_transitions_return ON return_transitions (organisation_code, dataset_id, period_code, seq);

-- Validation violations of returns, tracked to resolution (open → explained | accepted | corrected). One row per rule
-- and subject (the figure or pair of figures it is about); never capped. A violation that no longer holds when the
-- return is validated again is marked corrected.
CREATE TABLE return_violations (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_code   TEXT    NOT NULL,
    dataset_id          TEXT    NOT NULL,
    period_code         TEXT    NOT NULL,
    rule_id             TEXT    NOT NULL,
    subject             TEXT    NOT NULL,
    blocking            INTEGER NOT NULL,
    message             TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    resolution_reason   TEXT    NULL,
    resolved_by         TEXT    NULL,
    resolved_at         TEXT    NULL,
    found_at            TEXT    NOT NULL
);

CREATE UNIQUE INDEX ux_return_violations_subject ON return_violations (organisation_code, dataset_id, period_code, rule_id, subject);
