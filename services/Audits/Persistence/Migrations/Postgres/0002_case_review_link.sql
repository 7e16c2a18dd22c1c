-- An exercise run on a case review (issue 15 item 4) names it: "casereviews:<review id>" (the case reviews
-- service's id; no table is shared). Indexed so a review's audits are found without reading every programme.
ALTER TABLE programmes ADD COLUMN case_review text NULL;
CREATE INDEX ix_programmes_case_review ON programmes (case_review) WHERE case_review IS NOT NULL;
