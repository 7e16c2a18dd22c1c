-- Surveys: questionnaire versions (the definition as one JSON document), waves, one-time invitations (only the
-- code's hash), responses and stories. An anonymous wave's invitation and response rows share nothing but the
-- wave: no invitation id on the response, no time of use on the invitation, the response's day only.
CREATE TABLE questionnaires (
    organisation_code   TEXT    NOT NULL,
    questionnaire_id    TEXT    NOT NULL,
    version             INTEGER NOT NULL,
    title               TEXT    NOT NULL,
    audience            TEXT    NOT NULL,
    definition          TEXT    NOT NULL,
    created_by          TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    PRIMARY KEY (organisation_code, questionnaire_id, version)
);

CREATE TABLE waves (
    wave_id                 TEXT    NOT NULL PRIMARY KEY,
    organisation_code       TEXT    NOT NULL,
    questionnaire_owner     TEXT    NOT NULL,
    questionnaire_id        TEXT    NOT NULL,
    questionnaire_version   INTEGER NOT NULL,
    kind                    TEXT    NOT NULL,
    title                   TEXT    NOT NULL,
    opens_at                TEXT    NOT NULL,
    closes_at               TEXT    NOT NULL,
    anonymity               TEXT    NOT NULL,
    period_code             TEXT    NOT NULL,
    minimum_responses       INTEGER NOT NULL,
    invitations_issued      INTEGER NOT NULL,
    responses               INTEGER NOT NULL,
    created_by              TEXT    NOT NULL,
    created_at              TEXT    NOT NULL,
    closed_by               TEXT    NULL,
    closed_at               TEXT    NULL
);
CREATE INDEX ix_waves_organisation ON waves (organisation_code, created_at);

CREATE TABLE invitations (
    code_hash           TEXT    NOT NULL PRIMARY KEY,
    wave_id             TEXT    NOT NULL,
    follow_up_pseudonym TEXT    NULL,
    used                INTEGER NOT NULL
);
CREATE INDEX ix_invitations_wave ON invitations (wave_id);

CREATE TABLE responses (
    response_id         TEXT    NOT NULL PRIMARY KEY,
    wave_id             TEXT    NOT NULL,
    received_on         TEXT    NOT NULL,
    follow_up_pseudonym TEXT    NULL,
    answers             TEXT    NOT NULL
);
CREATE INDEX ix_responses_wave ON responses (wave_id);

CREATE TABLE stories (
    story_id            TEXT    NOT NULL PRIMARY KEY,
    organisation_code   TEXT    NOT NULL,
    wave_id             TEXT    NULL,
    text                TEXT    NOT NULL,
    published_text      TEXT    NULL,
    consent             TEXT    NOT NULL,
    role                TEXT    NOT NULL,
    age_band            TEXT    NOT NULL,
    content_area_id     TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    submitted_by        TEXT    NOT NULL,
    submitted_at        TEXT    NOT NULL,
    reviewed_by         TEXT    NULL,
    reviewed_at         TEXT    NULL,
    review_note         TEXT    NULL
);
CREATE INDEX ix_stories_organisation ON stories (organisation_code, state);

-- A respondent's answers so far (save and resume), under the code's hash; deleted when the response is sent.
CREATE TABLE drafts (
    code_hash           TEXT    NOT NULL PRIMARY KEY,
    answers             TEXT    NOT NULL
);
