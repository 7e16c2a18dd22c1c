-- Generated reports: the document snapshot they were assembled into and, once published, the HTML.
CREATE TABLE reports (
    id                TEXT    NOT NULL PRIMARY KEY,
    kind              INTEGER NOT NULL,
    organisation_code TEXT    NOT NULL,
    period_code       TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    status            INTEGER NOT NULL,
    version           TEXT    NOT NULL,
    snapshot          BLOB    NOT NULL,
    snapshot_sha256   TEXT    NOT NULL,
    html              BLOB    NULL,
    html_sha256       TEXT    NULL,
    created_at        TEXT    NOT NULL,
    created_by        TEXT    NOT NULL,
    stamp             TEXT    NOT NULL
);
CREATE INDEX ix_reports_organisation ON reports (organisation_code, id);

-- Sign-off history: who moved a report from which status to which, and when.
CREATE TABLE report_transitions (
    report_id   TEXT    NOT NULL REFERENCES reports (id),
    seq         INTEGER NOT NULL,
    from_status INTEGER NOT NULL,
    to_status   INTEGER NOT NULL,
    user_id     TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    PRIMARY KEY (report_id, seq)
);

-- Every export of a report (HTML, PDF, CSV): who, what, when (DESIGN §4).
CREATE TABLE report_exports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id   TEXT    NOT NULL,
    format      TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    at          TEXT    NOT NULL
);
CREATE INDEX ix_report_exports_report ON report_exports (report_id);
