-- Returns (issue 17): an organisation's figures for a dataset and period, open → submitted → approved → accepted.
-- A return without a row is open. Every transition also appends to return_transitions.
CREATE TABLE returns (
    organisation_code   text        NOT NULL,
    dataset_id          text        NOT NULL,
    period_code         text        NOT NULL,
    state               text        NOT NULL,
    due_on              date        NOT NULL,
    submitted_at        timestamptz NULL,
    submitted_by        text        NULL,
    approved_at         timestamptz NULL,
    approved_by         text        NULL,
    accepted_at         timestamptz NULL,
    accepted_by         text        NULL,
    reason              text        NULL,
    changed_at          timestamptz NOT NULL,
    changed_by          text        NOT NULL,
    revision            integer     NOT NULL,
    PRIMARY KEY (organisation_code, dataset_id, period_code)
);

-- The locks look up an organisation's approved returns when a figure is written.
CREATE INDEX ix_returns_organisation_state ON returns (organisation_code, state);

CREATE TABLE return_transitions (
    seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_code   text        NOT NULL,
    dataset_id          text        NOT NULL,
    period_code         text        NOT NULL,
    from_state          text        NOT NULL,
    to_state            text        NOT NULL,
    reason              text        NULL,
    changed_by          text        NOT NULL,
    changed_at          timestamptz NOT NULL
);

CREATE INDEX ix_return_transitions_return ON return_transitions (organisation_code, dataset_id, period_code, seq);

-- Validation violations of returns, tracked to resolution (open → explained | accepted | corrected). One row per rule
-- and subject (the figure or pair of figures it is about); never capped. A violation that no longer holds when the
-- return is validated again is marked corrected.
CREATE TABLE return_violations (
    seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_code   text        NOT NULL,
    dataset_id          text        NOT NULL,
    period_code         text        NOT NULL,
    rule_id             text        NOT NULL,
    subject             text        NOT NULL,
    blocking            boolean     NOT NULL,
    message             text        NOT NULL,
    status              text        NOT NULL,
    resolution_reason   text        NULL,
    resolved_by         text        NULL,
    resolved_at         timestamptz NULL,
    found_at            timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_return_violations_subject ON return_violations (organisation_code, dataset_id, period_code, rule_id, subject);
