-- Surveys: questionnaire versions (the definition as one JSON document), waves, one-time invitations (only the
-- code's hash), responses and stories. An anonymous wave's invitation and response rows share nothing but the
-- wave: no invitation id on the response, no time of use on the invitation, the response's day only.
CREATE TABLE questionnaires (
    organisation_code   text    NOT NULL,
    questionnaire_id    text    NOT NULL,
    version             integer NOT NULL,
    title               text    NOT NULL,
    audience            text    NOT NULL,
    definition          text    NOT NULL,
    created_by          text    NOT NULL,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (organisation_code, questionnaire_id, version)
);

CREATE TABLE waves (
    wave_id                 text    NOT NULL PRIMARY KEY,
    organisation_code       text    NOT NULL,
    questionnaire_owner     text    NOT NULL,
    questionnaire_id        text    NOT NULL,
    questionnaire_version   integer NOT NULL,
    kind                    text    NOT NULL,
    title                   text    NOT NULL,
    opens_at                timestamptz NOT NULL,
    closes_at               timestamptz NOT NULL,
    anonymity               text    NOT NULL,
    period_code             text    NOT NULL,
    minimum_responses       integer NOT NULL,
    invitations_issued      integer NOT NULL,
    responses               integer NOT NULL,
    created_by              text    NOT NULL,
    created_at              timestamptz NOT NULL,
    closed_by               text    NULL,
    closed_at               timestamptz NULL
);
CREATE INDEX ix_waves_organisation ON waves (organisation_code, created_at);

CREATE TABLE invitations (
    code_hash           text    NOT NULL PRIMARY KEY,
    wave_id             text    NOT NULL,
    follow_up_pseudonym text    NULL,
    used                boolean NOT NULL
);
CREATE INDEX ix_invitations_wave ON invitations (wave_id);

CREATE TABLE responses (
    response_id         text    NOT NULL PRIMARY KEY,
    wave_id             text    NOT NULL,
    received_on         date    NOT NULL,
    follow_up_pseudonym text    NULL,
    answers             text    NOT NULL
);
CREATE INDEX ix_responses_wave ON responses (wave_id);

CREATE TABLE stories (
    story_id            text    NOT NULL PRIMARY KEY,
    organisation_code   text    NOT NULL,
    wave_id             text    NULL,
    text                text    NOT NULL,
    published_text      text    NULL,
    consent             text    NOT NULL,
    role                text    NOT NULL,
    age_band            text    NOT NULL,
    content_area_id     text    NOT NULL,
    state               text    NOT NULL,
    submitted_by        text    NOT NULL,
    submitted_at        timestamptz NOT NULL,
    reviewed_by         text    NULL,
    reviewed_at         timestamptz NULL,
    review_note         text    NULL
);
CREATE INDEX ix_stories_organisation ON stories (organisation_code, state);

-- A respondent's answers so far (save and resume), under the code's hash; deleted when the response is sent.
CREATE TABLE drafts (
    code_hash           text    NOT NULL PRIMARY KEY,
    answers             text    NOT NULL
);
