import { jsonIdx } from './sql.js';

// Reviewer search text → a tsquery, with the FTS5 query's semantics (search.ts ftsQuery): every word must occur
// (AND), the last one as a prefix (search as you type); words are letters and digits only, so nothing typed is
// read as an operator. Words are folded by the same tapat_fold the indexes use (migrations/postgres/0004).

/** null when the text has no word to search for. */
export function tsQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  return words
    .slice(0, 20)
    .map((w, i, all) => `${w}${i === all.length - 1 ? ':*' : ''}`)
    .join(' & ');
}

/** The tsquery expression of a `?` argument (tsQuery's text). */
export const TSQUERY = `to_tsquery('simple'::regconfig, tapat_fold(?))`;

/** A sentence row `s` matches (the index segments_search's expression). */
export const SEGMENT_MATCH = `to_tsvector('simple'::regconfig, tapat_fold(s.text)) @@ ${TSQUERY}`;

/** Flags whose message or suggestion matches, or whose flagged sentences do (two `?`: the tsquery text, twice). */
export const FLAG_SEARCH_PG = `(to_tsvector('simple'::regconfig, tapat_fold(f.message || ' ' || COALESCE(f.suggestion, ''))) @@ ${TSQUERY}
  OR EXISTS (SELECT 1 FROM segments s WHERE s.document_id = f.document_id AND s.idx IN ${jsonIdx('f.segments')}
             AND ${SEGMENT_MATCH}))`;
