-- Version 2 renames unit_code to unit (expanding codes) and adds polarity, in place.
ALTER TABLE demo_measures RENAME COLUMN unit_code TO unit;
UPDATE demo_measures SET unit = CASE unit WHEN 'pc' THEN 'percentage' WHEN 'n' THEN 'count' ELSE unit END;
ALTER TABLE demo_measures ADD COLUMN polarity text NOT NULL DEFAULT 'neither';
CREATE INDEX ix_demo_measures_unit ON demo_measures (unit);
