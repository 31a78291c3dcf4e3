-- Batch audits: a story (set of documents) is found again by its key, so re-running a batch reuses
-- its audit instead of creating a duplicate; each run records which stories it has finished.
ALTER TABLE audits ADD COLUMN story_key TEXT;
CREATE UNIQUE INDEX audits_story_key ON audits (story_key) WHERE story_key IS NOT NULL;

CREATE TABLE batch_stories (
  run_id     INTEGER NOT NULL REFERENCES batch_runs (id) ON DELETE CASCADE,
  story_key  TEXT NOT NULL,                   -- sha256 of the story's sorted document ids
  audit_id   INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
  PRIMARY KEY (run_id, story_key)
);
