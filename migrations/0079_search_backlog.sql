-- Full-text indexes filled after a batch, not row by row (issue 20, bench:batch): indexing each sentence and
-- flag as it is inserted cost a batch ~0.6 CPU-s of its committing thread (every story's transaction wrote its
-- own small FTS5 segments); the same rows indexed in one INSERT … SELECT at the end cost ~0.06 s.
-- search_backlog says which rows are not indexed yet: while segments_from (flags_from) is NULL every row is;
-- otherwise exactly the rows with id >= it are not. The triggers keep that true row by row, so the index is
-- never inconsistent, only behind: a crash mid-batch leaves committed rows unindexed and the mark set, and
-- db/search-index.ts catchUpSearch (at the batch's end, or when any tapat command next opens the database)
-- indexes them and clears the mark in one transaction.
CREATE TABLE search_backlog (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  segments_from  INTEGER,
  flags_from     INTEGER
);
INSERT INTO search_backlog (id, segments_from, flags_from) VALUES (1, NULL, NULL);

-- a row is indexed when no backlog is open or its id is below the mark (IFNULL: the comparison with NULL)
DROP TRIGGER segments_fts_ai;
DROP TRIGGER segments_fts_ad;
DROP TRIGGER segments_fts_au;
CREATE TRIGGER segments_fts_ai AFTER INSERT ON segments
WHEN IFNULL(new.id < (SELECT segments_from FROM search_backlog WHERE id = 1), 1) BEGIN
  INSERT INTO segments_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER segments_fts_ad AFTER DELETE ON segments
WHEN IFNULL(old.id < (SELECT segments_from FROM search_backlog WHERE id = 1), 1) BEGIN
  INSERT INTO segments_fts (segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER segments_fts_au AFTER UPDATE OF text ON segments
WHEN IFNULL(old.id < (SELECT segments_from FROM search_backlog WHERE id = 1), 1) BEGIN
  INSERT INTO segments_fts (segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO segments_fts (rowid, text) VALUES (new.id, new.text);
END;

DROP TRIGGER flags_fts_ai;
DROP TRIGGER flags_fts_ad;
DROP TRIGGER flags_fts_au;
CREATE TRIGGER flags_fts_ai AFTER INSERT ON flags
WHEN IFNULL(new.id < (SELECT flags_from FROM search_backlog WHERE id = 1), 1) BEGIN
  INSERT INTO flags_fts (rowid, message, suggestion) VALUES (new.id, new.message, new.suggestion);
END;
CREATE TRIGGER flags_fts_ad AFTER DELETE ON flags
WHEN IFNULL(old.id < (SELECT flags_from FROM search_backlog WHERE id = 1), 1) BEGIN
  INSERT INTO flags_fts (flags_fts, rowid, message, suggestion) VALUES ('delete', old.id, old.message, old.suggestion);
END;
-- only when the words change: a verdict bumps the version, which the index does not care about
CREATE TRIGGER flags_fts_au AFTER UPDATE OF message, suggestion ON flags
WHEN IFNULL(old.id < (SELECT flags_from FROM search_backlog WHERE id = 1), 1) BEGIN
  INSERT INTO flags_fts (flags_fts, rowid, message, suggestion) VALUES ('delete', old.id, old.message, old.suggestion);
  INSERT INTO flags_fts (rowid, message, suggestion) VALUES (new.id, new.message, new.suggestion);
END;
