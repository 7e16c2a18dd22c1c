-- Returns (issue 17) as the measures service's return events tell them: one row per organisation, dataset and period
-- that was acted on (no row: still open). Reports hold back another organisation's figures under a dataset until its
-- return is in a state the report's organisation may see, and the upkeep section counts returns on time, late, missing.
CREATE TABLE rm_returns (
    organisation_code  text        NOT NULL,
    dataset_id         text        NOT NULL,
    period_code        text        NOT NULL,
    period_start       date        NOT NULL,
    period_months      integer     NOT NULL,
    state              integer     NOT NULL,
    due_on             date        NULL,
    first_submitted_at timestamptz NULL,
    first_late         boolean     NULL,
    changed_at         timestamptz NOT NULL,
    PRIMARY KEY (organisation_code, dataset_id, period_code)
);

-- The framework library measure a measure was defined from: a dataset names library measures, so every organisation's
-- adopted measure belongs to it. Filled from the measure events (a rebuild fills it for measures defined before).
ALTER TABLE rm_measure_versions ADD COLUMN library_measure_id text NOT NULL DEFAULT '';
