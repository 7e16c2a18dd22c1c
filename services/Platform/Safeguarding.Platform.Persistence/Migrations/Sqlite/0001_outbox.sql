-- Transactional outbox: events written with the domain change, published later by the dispatcher.
CREATE TABLE platform_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    envelope        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    sent_at         TEXT    NULL,
    last_error      TEXT    NULL
);
CREATE UNIQUE INDEX ux_platform_outbox_event_id ON platform_outbox (event_id);
CREATE INDEX ix_platform_outbox_pending ON platform_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX ix_platform_outbox_sent_at ON platform_outbox (sent_at) WHERE sent_at IS NOT NULL;
