-- Approved voices from the surveys service (StoryPublished): de-identified text, consent level, attribution by role
-- and age band only. Reports show an organisation's own at every level, its members' at partnership or public level.
CREATE TABLE rm_stories (
    story_id          text NOT NULL PRIMARY KEY,
    organisation_code text NOT NULL,
    consent           integer NOT NULL,
    attribution       text NOT NULL,
    quote             text NOT NULL,
    content_area_id   text NULL,
    published_at      timestamptz NOT NULL
);
CREATE INDEX ix_rm_stories_organisation ON rm_stories (organisation_code, published_at);
