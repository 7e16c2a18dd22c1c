-- Approved voices from the surveys service (StoryPublished): de-identified text, consent level, attribution by role
-- and age band only. Reports show an organisation's own at every level, its members' at partnership or public level.
CREATE TABLE rm_stories (
    story_id          TEXT NOT NULL PRIMARY KEY,
    organisation_code TEXT NOT NULL,
    consent           INTEGER NOT NULL,
    attribution       TEXT NOT NULL,
    quote             TEXT NOT NULL,
    content_area_id   TEXT NULL,
    published_at      TEXT NOT NULL
);
CREATE INDEX ix_rm_stories_organisation ON rm_stories (organisation_code, published_at);
