-- Placeholder on the Turning the Curve branch only: 0007 is taken by the returns/upkeep work, merged separately.
-- Migrations must be numbered without gaps, so this no-op keeps 0008_turning_the_curve runnable here.
-- DELETE THIS FILE WHEN MERGING (the real 0007 replaces it).
SELECT 1;
