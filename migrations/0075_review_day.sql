-- A reviewer's day (issue 19).
-- Verdicts given in one bulk decision ("apply to all N identical findings", "dismiss this detector in this audit")
-- share a bulk_id, so one undo takes the whole decision back. NULL for verdicts given one at a time.
ALTER TABLE verdicts ADD COLUMN bulk_id INTEGER;
CREATE INDEX verdicts_bulk ON verdicts (bulk_id) WHERE bulk_id IS NOT NULL;
-- "My last verdict" is read for every undo: newest first within one reviewer.
CREATE INDEX verdicts_reviewer ON verdicts (reviewer_id, id);
