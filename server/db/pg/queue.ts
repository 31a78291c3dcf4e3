import { currentVerdictSql } from '../queue-sql.js';
import { filterSql, statusSql, type FlagFilter } from '../filter.js';
import { toView, type FlagView, type QueueFilter, type RawFlag, type VerdictView } from '../queue.js';
import type { QueueSort } from '../../../contract/queue.js';
import type { Queryable } from './connect.js';
import { excerptSql, jsonIdx, row, rows } from './sql.js';
import { FLAG_SEARCH_PG, tsQuery } from './search.js';

// The review queue's read side on PostgreSQL (queue.ts on SQLite): the same filters (filter.ts, numbered),
// the same orders and keyset pages, the same current-verdict rule; search through tsvector (search.ts).

const SEV_RANK = `(CASE f.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 ELSE 2 END)`;
export const QUEUE_ORDER = `${SEV_RANK}, (-f.confidence), f.id`;
const SORT_KEYS: Record<QueueSort, string> = {
  severity: QUEUE_ORDER,
  'least-confident': `f.confidence, f.id`,
  'most-confident': `(-f.confidence), f.id`,
  newest: `(-f.id)`,
  document: `f.document_id, COALESCE(f.start, -1), f.id`,
};

const SELECT_FLAG = `
SELECT f.*, d.lang AS document_lang, od.lang AS other_document_lang,
  ${excerptSql('f.document_id', 'f.segments')} AS excerpt,
  (SELECT MIN(s.start) FROM segments s WHERE s.document_id = f.document_id AND s.idx IN ${jsonIdx('f.segments')}) AS excerpt_start,
  ${excerptSql('f.other_document_id', 'f.other_segments')} AS other_excerpt,
  c.id AS c_id, c.action AS c_action, c.text AS c_text, c.reviewer_id AS c_reviewer_id, r.name AS c_reviewer, c.created_at AS c_at
FROM flags f
JOIN documents d ON d.id = f.document_id
LEFT JOIN documents od ON od.id = f.other_document_id
LEFT JOIN verdicts c ON c.id = ${currentVerdictSql()}
LEFT JOIN reviewers r ON r.id = c.reviewer_id`;

/** The reviewer's filters as WHERE terms with `?` arguments: filter.ts's, with the search on tsvector. */
export function filterSqlPg(q: FlagFilter): { where: string[]; args: (string | number)[] } {
  const out = filterSql({ ...q, q: undefined });
  const ts = q.q === undefined ? null : tsQuery(q.q);
  if (ts !== null) (out.where.push(FLAG_SEARCH_PG), out.args.push(ts, ts));
  return out;
}

const whereOf = (where: string[]): string => (where.length ? `WHERE ${where.join(' AND ')}` : '');

export async function listFlagsPg(
  q: Queryable,
  f: QueueFilter,
): Promise<{ flags: FlagView[]; next: number | null; total?: number }> {
  const { where, args } = filterSqlPg(f);
  const st = statusSql(f.status);
  if (st) where.push(st);
  const filtered = { where: [...where], args: [...args] };
  const order = SORT_KEYS[f.sort ?? 'severity'];
  if (f.after !== undefined) {
    const keys = await q.query<unknown[]>({
      text: `SELECT ${order} FROM flags f WHERE f.id = $1`,
      values: [f.after],
      rowMode: 'array',
    });
    const a = keys.rows[0] as (number | string)[] | undefined;
    if (a) (where.push(`(${order}) > (${a.map(() => '?').join(', ')})`), args.push(...a));
  }
  const raw = await rows<RawFlag>(q, `${SELECT_FLAG} ${whereOf(where)} ORDER BY ${order} LIMIT ?`, [
    ...args,
    f.limit + 1,
  ]);
  const more = raw.length > f.limit;
  const flags = raw.slice(0, f.limit).map(toView);
  const next = more ? flags[flags.length - 1]!.id : null;
  if (f.after !== undefined) return { flags, next };
  const total =
    next === null
      ? flags.length
      : (await row<{ n: number }>(q, `SELECT COUNT(*) AS n FROM flags f ${whereOf(filtered.where)}`, filtered.args))!.n;
  return { flags, next, total };
}

export async function getFlagPg(q: Queryable, id: number): Promise<FlagView | undefined> {
  const r = await row<RawFlag>(q, `${SELECT_FLAG} WHERE f.id = ?`, [id]);
  return r && toView(r);
}

export async function flagsOfAuditPg(q: Queryable, auditId: number): Promise<FlagView[]> {
  return (await rows<RawFlag>(q, `${SELECT_FLAG} WHERE f.audit_id = ? ORDER BY ${QUEUE_ORDER}`, [auditId])).map(toView);
}

export async function verdictHistoryPg(q: Queryable, flagId: number): Promise<VerdictView[]> {
  return rows<VerdictView>(
    q,
    `SELECT v.id, v.action, v.text, v.reviewer_id, r.name AS reviewer, v.flag_version, v.undoes,
            (SELECT u.id FROM verdicts u WHERE u.undoes = v.id) AS undone_by, v.created_at
     FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id WHERE v.flag_id = ? ORDER BY v.id`,
    [flagId],
  );
}
