-- Idempotent inbox: one row per (consumer, event) applied, written with the consumer's own change.
CREATE TABLE platform_inbox (
    consumer     TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    topic        TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX ix_platform_inbox_processed_at ON platform_inbox (processed_at);
