-- Every event the service received, as its CloudEvent JSON: append-only, the source of a rebuild.
CREATE TABLE received_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    event_time  TEXT    NULL,
    received_at TEXT    NOT NULL,
    envelope    TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_received_events_event_id ON received_events (event_id);

-- Measure catalogue: the latest revision of each version.
CREATE TABLE rm_measure_versions (
    measure_id              TEXT    NOT NULL,
    version                 INTEGER NOT NULL,
    revision                INTEGER NOT NULL,
    title                   TEXT    NOT NULL,
    content_area_id         TEXT    NOT NULL,
    information_type        INTEGER NOT NULL,
    source                  INTEGER NOT NULL,
    method                  INTEGER NOT NULL,
    unit                    INTEGER NOT NULL,
    polarity                INTEGER NOT NULL,
    frequency               INTEGER NOT NULL,
    sampling                INTEGER NOT NULL,
    owner_organisation_code TEXT    NOT NULL,
    meaning_hash            TEXT    NOT NULL,
    changed_at              TEXT    NULL,
    PRIMARY KEY (measure_id, version)
);

CREATE TABLE rm_measure_retirements (
    measure_id TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    reason     TEXT    NOT NULL,
    retired_at TEXT    NULL,
    PRIMARY KEY (measure_id, version)
);

-- An organisation's content areas as last described (statements and questions as proto3 JSON).
CREATE TABLE rm_content_areas (
    organisation_code TEXT    NOT NULL,
    content_area_id   TEXT    NOT NULL,
    updated_at        TEXT    NULL,
    event_id          TEXT    NOT NULL,
    retired           INTEGER NOT NULL,
    body              TEXT    NOT NULL,
    PRIMARY KEY (organisation_code, content_area_id)
);

-- The current figure per (organisation, measure version, period, breakdown), from any source.
CREATE TABLE rm_observations (
    observation_key      TEXT    NOT NULL PRIMARY KEY,
    organisation_code    TEXT    NOT NULL,
    measure_id           TEXT    NOT NULL,
    measure_version      INTEGER NOT NULL,
    period_code          TEXT    NOT NULL,
    period_start         TEXT    NOT NULL,
    period_months        INTEGER NOT NULL,
    breakdown_key        TEXT    NOT NULL,
    observation_id       TEXT    NOT NULL,
    state                INTEGER NOT NULL,
    numerator            TEXT    NULL,
    denominator          TEXT    NULL,
    amount               TEXT    NULL,
    reason               TEXT    NOT NULL,
    rounded_to_nearest   INTEGER NOT NULL,
    provenance_kind      INTEGER NOT NULL,
    provenance_reference TEXT    NOT NULL,
    recorded_at          TEXT    NULL
);
CREATE INDEX ix_rm_observations_organisation ON rm_observations (organisation_code, period_start);
CREATE INDEX ix_rm_observations_measure ON rm_observations (measure_id, measure_version, period_start);

-- Observations known to be replaced, so a late or re-delivered one never becomes current again.
CREATE TABLE rm_superseded_observations (
    observation_id TEXT NOT NULL PRIMARY KEY,
    superseded_by  TEXT NOT NULL
);

-- Evidence that is not a figure (imports now; audits, survey waves, stories and case reviews later),
-- keyed by organisation, period, content area and source like the figures.
CREATE TABLE rm_evidence_items (
    item_key          TEXT    NOT NULL PRIMARY KEY,
    organisation_code TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    source            INTEGER NOT NULL,
    content_area_id   TEXT    NOT NULL,
    period_start      TEXT    NULL,
    period_end        TEXT    NULL,
    reference         TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    occurred_at       TEXT    NULL,
    payload           TEXT    NOT NULL
);
CREATE INDEX ix_rm_evidence_items_organisation ON rm_evidence_items (organisation_code, kind);
