CREATE TABLE probes (
    id           TEXT    NOT NULL PRIMARY KEY,
    organisation TEXT    NOT NULL,
    sequence     INTEGER NOT NULL
);
-- Deliberately no unique key on probe_id: a second application of an event would show as a second row.
CREATE TABLE applied_effects (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    probe_id     TEXT    NOT NULL,
    organisation TEXT    NOT NULL,
    sequence     INTEGER NOT NULL
);
