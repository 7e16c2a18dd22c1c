-- Turning the Curve records (ADR 0023): what people wrote about one measure's curve. The baseline is read from the
-- figures and measure_targets when asked, and the action plan is the register_actions whose source is 4 (Turning the
-- Curve) and whose source_reference is the record's id, so neither is copied here. body: the story, forces, partners
-- and ideas as proto3 JSON (text without personal details; partners are organisation codes or roles, never people).
CREATE TABLE turning_the_curve_records (
    id                TEXT NOT NULL PRIMARY KEY,
    organisation_code TEXT NOT NULL,
    measure_id        TEXT NOT NULL,
    held_on           TEXT NOT NULL,
    qa_activity_id    TEXT NOT NULL,
    body              TEXT NOT NULL,
    etag              TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL
);
CREATE INDEX ix_turning_the_curve_records_organisation ON turning_the_curve_records (organisation_code, held_on);
CREATE INDEX ix_register_actions_source_reference ON register_actions (source, source_reference);
