import type { Queryable } from './connect.js';

// The SQLite repositories build SQL with `?` placeholders (filter.ts, queue-sql.ts); PostgreSQL numbers them.
// Shared SQL fragments are reused as they are and numbered here, so the two backends filter alike. None of
// our SQL has a `?` inside a string literal (and PostgreSQL's jsonb `?` operator is not used).

/** `?` placeholders → `$1, $2, …` (from `$start`). */
export const numbered = (sql: string, start = 1): string => {
  let i = start - 1;
  return sql.replace(/\?/g, () => `$${++i}`);
};

/** Rows of a query written with `?` placeholders. */
export async function rows<T>(q: Queryable, sql: string, args: readonly unknown[] = []): Promise<T[]> {
  return (await q.query(numbered(sql), args as unknown[])).rows as T[];
}

/** The first row, or undefined. */
export async function row<T>(q: Queryable, sql: string, args: readonly unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(q, sql, args))[0];
}

/** The indexes (in a JSON array column) of a flag's sentences, as a set of integers in SQL. */
export const jsonIdx = (col: string): string => `(SELECT value::int FROM jsonb_array_elements_text(${col}::jsonb))`;

/** The flagged sentences' text, in sentence order (SQLite: group_concat over the same rows). */
export const excerptSql = (docCol: string, segCol: string): string =>
  `(SELECT string_agg(s.text, ' ' ORDER BY s.idx) FROM segments s WHERE s.document_id = ${docCol} AND s.idx IN ${jsonIdx(segCol)})`;
