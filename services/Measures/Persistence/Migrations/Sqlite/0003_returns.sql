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
