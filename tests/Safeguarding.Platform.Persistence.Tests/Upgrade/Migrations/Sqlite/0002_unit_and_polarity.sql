-- Version 2 renames unit_code to unit (expanding codes) and adds polarity. SQLite cannot alter a
-- column in place, so the table is rebuilt inside the migration's transaction and the data copied.
CREATE TABLE demo_measures_v2 (
    id       TEXT NOT NULL PRIMARY KEY,
    title    TEXT NOT NULL,
    unit     TEXT NOT NULL,
    polarity TEXT NOT NULL DEFAULT 'neither'
);
INSERT INTO demo_measures_v2 (id, title, unit)
SELECT id, title, CASE unit_code WHEN 'pc' THEN 'percentage' WHEN 'n' THEN 'count' ELSE unit_code END
FROM demo_measures;
DROP TABLE demo_measures;
ALTER TABLE demo_measures_v2 RENAME TO demo_measures;
CREATE INDEX ix_demo_measures_unit ON demo_measures (unit);
