-- The review server on PostgreSQL (issue 21): full-text search and the change stamp of the read cache.
--
-- Search: the 'simple' text-search configuration (lower-cased words, no stemming, no stop words) — Tagalog has
-- no PostgreSQL dictionary, and reviewers search for the words they see, as SQLite's FTS5 unicode61 tokenizer
-- treats them. Diacritics are folded (tapat_fold) as FTS5's remove_diacritics does, so "Pilipinas" finds
-- "Pílipinas". Expression indexes, not columns: the tables keep the SQLite backend's columns exactly.
-- Both cases are mapped here: lower() of a database with the C locale lower-cases ASCII only.
CREATE FUNCTION tapat_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(lower(t),
    'áàâäãåāéèêëēíìîïīóòôöõōúùûüūñçýÿÁÀÂÄÃÅĀÉÈÊËĒÍÌÎÏĪÓÒÔÖÕŌÚÙÛÜŪÑÇÝ',
    'aaaaaaaeeeeeiiiiioooooouuuuuncyyaaaaaaaeeeeeiiiiioooooouuuuuncy')
$$;
CREATE INDEX segments_search ON segments USING gin (to_tsvector('simple'::regconfig, tapat_fold(text)));
CREATE INDEX flags_search ON flags USING gin (to_tsvector('simple'::regconfig, tapat_fold(message || ' ' || COALESCE(suggestion, ''))));

-- The change stamp: a counter every write transaction bumps once, inside itself, so a reader that reads the
-- stamp before its data can never file an old body under a new stamp. The bump runs at commit (a deferred
-- constraint trigger): a transaction takes the counter's row lock last, after every other lock it needs, so
-- two writers never wait on each other through it in opposite orders (no deadlock).
CREATE TABLE change_stamp (
  id  integer PRIMARY KEY CHECK (id = 1),
  n   bigint NOT NULL
);
INSERT INTO change_stamp (id, n) VALUES (1, 0);

CREATE FUNCTION bump_change_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- once per transaction: the setting is local to it, and reset when it ends
  IF COALESCE(current_setting('tapat.stamp_bumped', true), '') <> 'yes' THEN
    UPDATE change_stamp SET n = n + 1 WHERE id = 1;
    PERFORM set_config('tapat.stamp_bumped', 'yes', true);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['documents', 'segments', 'audits', 'audit_versions', 'alignments', 'beads', 'flags',
    'verdicts', 'reviewers', 'audit_assignments', 'batch_runs', 'batch_items', 'batch_stories'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED '
      'FOR EACH ROW EXECUTE FUNCTION bump_change_stamp()', t || '_change_stamp', t);
  END LOOP;
END $$;
