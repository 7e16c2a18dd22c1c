-- Idempotent inbox: one row per (consumer, event) applied, written with the consumer's own change.
CREATE TABLE platform_inbox (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    topic        text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX ix_platform_inbox_processed_at ON platform_inbox (processed_at);
