-- A partnership's choice to share an approved story with its region's board (issue 16 item 7): shared while
-- shared_with_region_at is set; withdrawing clears both. No reason is kept. Indexed for the region's read.
ALTER TABLE stories ADD COLUMN shared_with_region_at timestamptz NULL;
ALTER TABLE stories ADD COLUMN shared_with_region_by text NULL;
CREATE INDEX ix_stories_shared ON stories (organisation_code, shared_with_region_at) WHERE shared_with_region_at IS NOT NULL;
