-- Case reviews: one row per review holding its document (stages, clocks with pauses and audit trail, findings,
-- recommendations, actions), with the columns queries filter on beside it; and the record of every read.
CREATE TABLE case_reviews (
    review_id                  TEXT    NOT NULL PRIMARY KEY,
    owner_code                 TEXT    NOT NULL,
    residence_authority_code   TEXT    NULL,
    kind                       TEXT    NOT NULL,
    stage                      TEXT    NOT NULL,
    opened_on                  TEXT    NOT NULL,
    document                   TEXT    NOT NULL,
    revision                   INTEGER NOT NULL,
    created_at                 TEXT    NOT NULL,
    updated_at                 TEXT    NOT NULL
);
CREATE INDEX ix_case_reviews_owner ON case_reviews (owner_code, stage);
CREATE INDEX ix_case_reviews_residence ON case_reviews (residence_authority_code);

CREATE TABLE review_reads (
    id                   INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at                   TEXT    NOT NULL,
    user_id              TEXT    NOT NULL,
    caller_organisation  TEXT    NOT NULL,
    target_code          TEXT    NOT NULL,
    action               TEXT    NOT NULL,
    review_id            TEXT    NULL,
    records              INTEGER NOT NULL
);
CREATE INDEX ix_review_reads_target ON review_reads (target_code, at);
