-- Review queue: the queue is read in one stable order (severity desc, confidence desc, id asc).
-- The index is on the very expressions queue.ts sorts by, so a page is a walk of the index, not a sort of every flag.
CREATE INDEX flags_queue ON flags (
  status,
  (CASE severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 ELSE 2 END),
  (-confidence),
  id
);
-- "Is this verdict undone?" is asked for every verdict when the current state is read from history.
CREATE INDEX verdicts_undoes ON verdicts (undoes);
