-- Audits: versioned tools (content as proto JSON), programmes and their member organisations, case audits with
-- per-criterion answers (the auditor's and the moderator's side by side), and the log of row-level reads.
-- Case references are never stored: only their keyed pseudonyms.
CREATE TABLE tools (
    organisation_code   TEXT    NOT NULL,
    tool_id             TEXT    NOT NULL,
    version             INTEGER NOT NULL,
    title               TEXT    NOT NULL,
    meaning_hash        TEXT    NOT NULL,
    library_tool_id     TEXT    NULL,
    content             TEXT    NOT NULL,
    created_at          TEXT      NOT NULL,
    PRIMARY KEY (organisation_code, tool_id, version)
);

CREATE TABLE programmes (
    programme_id        TEXT    NOT NULL PRIMARY KEY,
    organisation_code   TEXT    NOT NULL,
    kind                TEXT    NOT NULL,
    title               TEXT    NOT NULL,
    tool_id             TEXT    NOT NULL,
    tool_version        INTEGER NOT NULL,
    start_month         TEXT    NOT NULL,
    end_month           TEXT    NOT NULL,
    deadline            TEXT    NULL,
    content             TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    created_at          TEXT      NOT NULL,
    closed_at           TEXT      NULL,
    times_closed        INTEGER NOT NULL,
    revision            INTEGER NOT NULL
);
CREATE INDEX ix_programmes_organisation ON programmes (organisation_code, tool_id, tool_version);

CREATE TABLE programme_members (
    programme_id        TEXT    NOT NULL,
    organisation_code   TEXT    NOT NULL,
    PRIMARY KEY (programme_id, organisation_code)
);
CREATE INDEX ix_programme_members_organisation ON programme_members (organisation_code);

CREATE TABLE case_audits (
    case_audit_id       TEXT    NOT NULL PRIMARY KEY,
    programme_id        TEXT    NOT NULL,
    organisation_code   TEXT    NOT NULL,
    tool_id             TEXT    NOT NULL,
    tool_version        INTEGER NOT NULL,
    case_pseudonym      TEXT    NOT NULL,
    case_label          TEXT    NULL,
    month               TEXT    NOT NULL,
    unit                TEXT    NULL,
    status              TEXT    NOT NULL,
    auditor_user_id     TEXT    NOT NULL,
    auditor_role        TEXT    NULL,
    moderator_user_id   TEXT    NULL,
    strengths           TEXT    NULL,
    findings            TEXT    NOT NULL,
    actions             TEXT    NOT NULL,
    moderation_note     TEXT    NULL,
    revision            INTEGER NOT NULL,
    created_at          TEXT      NOT NULL,
    submitted_at        TEXT      NULL,
    moderated_at        TEXT      NULL,
    finalised_at        TEXT      NULL
);
-- One audit of a case per organisation, programme and month.
CREATE UNIQUE INDEX ux_case_audits_case ON case_audits (programme_id, organisation_code, case_pseudonym, month);
CREATE INDEX ix_case_audits_programme ON case_audits (programme_id, status, month);
CREATE INDEX ix_case_audits_organisation ON case_audits (organisation_code);

CREATE TABLE case_audit_answers (
    case_audit_id       TEXT    NOT NULL,
    criterion_id        TEXT    NOT NULL,
    value               TEXT    NOT NULL,
    moderated_value     TEXT    NULL,
    comment             TEXT    NULL,
    PRIMARY KEY (case_audit_id, criterion_id)
);

CREATE TABLE read_log (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    at                  TEXT      NOT NULL,
    user_id             TEXT    NOT NULL,
    organisation_code   TEXT    NOT NULL,
    action              TEXT    NOT NULL,
    resource_type       TEXT    NOT NULL,
    resource_id         TEXT    NOT NULL
);
