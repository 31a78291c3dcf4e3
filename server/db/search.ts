// Reviewer search text → an FTS5 query. Reviewers type words, not FTS5 syntax: every word must occur (AND),
// the last one as a prefix (search as you type), and nothing they type is read as an operator or a column.

/** null when the text has no word to search for. */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  return words
    .slice(0, 20)
    .map((w, i, all) => `"${w}"${i === all.length - 1 ? '*' : ''}`)
    .join(' ');
}

/** Flags whose message or suggestion matches, or whose flagged sentences do (one `?`: the FTS5 query, twice). */
export const FLAG_SEARCH_SQL = `(f.id IN (SELECT rowid FROM flags_fts WHERE flags_fts MATCH ?)
  OR f.id IN (SELECT f2.id FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid
              JOIN flags f2 ON f2.document_id = s.document_id AND s.idx IN (SELECT value FROM json_each(f2.segments))
              WHERE segments_fts MATCH ?))`;
