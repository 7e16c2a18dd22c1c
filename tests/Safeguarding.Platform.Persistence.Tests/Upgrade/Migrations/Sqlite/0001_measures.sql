CREATE TABLE demo_measures (
    id        TEXT NOT NULL PRIMARY KEY,
    title     TEXT NOT NULL,
    unit_code TEXT NOT NULL
);
