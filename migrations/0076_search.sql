-- Full-text search for reviewers (issue 19): over sentences and over flag messages and suggestions.
-- External-content FTS5 tables: the text stays in segments and flags; triggers keep the indexes in step.
-- unicode61 with diacritics removed, so "Pilipinas" and accented spellings meet; Tagalog and English alike.
CREATE VIRTUAL TABLE segments_fts USING fts5 (text, content = 'segments', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE flags_fts USING fts5 (message, suggestion, content = 'flags', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO segments_fts (segments_fts) VALUES ('rebuild');
INSERT INTO flags_fts (flags_fts) VALUES ('rebuild');

CREATE TRIGGER segments_fts_ai AFTER INSERT ON segments BEGIN
  INSERT INTO segments_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER segments_fts_ad AFTER DELETE ON segments BEGIN
  INSERT INTO segments_fts (segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER segments_fts_au AFTER UPDATE OF text ON segments BEGIN
  INSERT INTO segments_fts (segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO segments_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER flags_fts_ai AFTER INSERT ON flags BEGIN
  INSERT INTO flags_fts (rowid, message, suggestion) VALUES (new.id, new.message, new.suggestion);
END;
CREATE TRIGGER flags_fts_ad AFTER DELETE ON flags BEGIN
  INSERT INTO flags_fts (flags_fts, rowid, message, suggestion) VALUES ('delete', old.id, old.message, old.suggestion);
END;
-- only when the words change: a verdict bumps the version, which the index does not care about
CREATE TRIGGER flags_fts_au AFTER UPDATE OF message, suggestion ON flags BEGIN
  INSERT INTO flags_fts (flags_fts, rowid, message, suggestion) VALUES ('delete', old.id, old.message, old.suggestion);
  INSERT INTO flags_fts (rowid, message, suggestion) VALUES (new.id, new.message, new.suggestion);
END;
