CREATE TABLE demo_measures (
    id        text NOT NULL PRIMARY KEY,
    title     text NOT NULL,
    unit_code text NOT NULL
);
