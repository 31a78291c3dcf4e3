import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { fromJson } from './index.js';
import type { FlagRow } from './flags.js';
import type { Lang } from '../pipeline/types.js';
import { currentVerdictSql, type Decision } from './queue-sql.js';
import { filterSql, statusSql, type FlagFilter } from './filter.js';
import type { QueueSort, QueueStatus } from '../../contract/queue.js';

// Read side of review: flags with their current state, which is always a query over verdict history
// (the latest verdict that is not an undo and has not been undone). Nothing here writes.

export { currentVerdictSql, type Decision } from './queue-sql.js';
const CURRENT_VERDICT_SQL = currentVerdictSql();

/** Queue order: severity desc, confidence desc, id asc — the same expressions as index flags_queue (0050). */
const SEV_RANK = `(CASE f.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 ELSE 2 END)`;
const ORDER = `${SEV_RANK}, (-f.confidence), f.id`;

// The SQL of each order (contract/queue.ts lists them). "severity" is the queue's historic order and keeps its
// exact SQL (index flags_queue walks it).
const SORT_KEYS: Record<QueueSort, string> = {
  severity: ORDER,
  'least-confident': `f.confidence, f.id`,
  'most-confident': `(-f.confidence), f.id`,
  // ids grow as flags are stored, so the highest id is the newest flag
  newest: `(-f.id)`,
  // whole-document flags (no span) come before the spans of their document
  document: `f.document_id, COALESCE(f.start, -1), f.id`,
};

export interface CurrentDecision {
  verdict_id: number;
  action: Decision;
  text: string | null;
  reviewer_id: number;
  reviewer: string;
  at: string;
}

/** A stored flag as the API shows it: the row with its JSON columns parsed, the languages of both sides,
 * excerpts, and the current decision. */
export interface FlagView extends Omit<FlagRow, 'segments' | 'other_segments' | 'evidence'> {
  document_lang: Lang;
  other_document_lang: Lang | null;
  segments: number[];
  other_segments: number[];
  /** The flagged sentence(s), and the other side's, so a queue item reads on its own. */
  excerpt: string;
  excerpt_start: number | null;
  other_excerpt: string | null;
  evidence: Record<string, unknown>;
  decision: CurrentDecision | null;
}

const SELECT_FLAG = `
SELECT f.*, d.lang AS document_lang, od.lang AS other_document_lang,
  (SELECT group_concat(s.text, ' ') FROM segments s WHERE s.document_id = f.document_id
     AND s.idx IN (SELECT value FROM json_each(f.segments))) AS excerpt,
  (SELECT MIN(s.start) FROM segments s WHERE s.document_id = f.document_id
     AND s.idx IN (SELECT value FROM json_each(f.segments))) AS excerpt_start,
  (SELECT group_concat(s.text, ' ') FROM segments s WHERE s.document_id = f.other_document_id
     AND s.idx IN (SELECT value FROM json_each(f.other_segments))) AS other_excerpt,
  c.id AS c_id, c.action AS c_action, c.text AS c_text, c.reviewer_id AS c_reviewer_id, r.name AS c_reviewer, c.created_at AS c_at
FROM flags f
JOIN documents d ON d.id = f.document_id
LEFT JOIN documents od ON od.id = f.other_document_id
LEFT JOIN verdicts c ON c.id = ${CURRENT_VERDICT_SQL}
LEFT JOIN reviewers r ON r.id = c.reviewer_id`;

/** A flag row as the queue's SELECT gives it (both backends): JSON columns as text, the current verdict flat. */
export interface RawFlag extends Omit<FlagView, 'segments' | 'other_segments' | 'evidence' | 'decision' | 'excerpt'> {
  segments: string;
  other_segments: string;
  evidence: string;
  excerpt: string | null;
  c_id: number | null;
  c_action: Decision | null;
  c_text: string | null;
  c_reviewer_id: number | null;
  c_reviewer: string | null;
  c_at: string | null;
}

export function toView(r: RawFlag): FlagView {
  const { c_id, c_action, c_text, c_reviewer_id, c_reviewer, c_at, ...rest } = r;
  return {
    ...rest,
    excerpt: r.excerpt ?? '',
    segments: fromJson<number[]>(r.segments, []),
    other_segments: fromJson<number[]>(r.other_segments, []),
    evidence: fromJson<Record<string, unknown>>(r.evidence, {}),
    decision:
      c_id === null
        ? null
        : {
            verdict_id: c_id,
            action: c_action!,
            text: c_text,
            reviewer_id: c_reviewer_id!,
            reviewer: c_reviewer ?? '',
            at: c_at!,
          },
  };
}

export interface QueueFilter extends FlagFilter {
  status: QueueStatus;
  /** The order of the list; "severity" when not given. */
  sort?: QueueSort | undefined;
  /** Keyset pagination: return flags after this flag in queue order. */
  after?: number | undefined;
  limit: number;
}

/** One page of the review queue in stable order, whether more follow, and (on the first page) how many match. */
export function listFlags(db: Db, q: QueueFilter): { flags: FlagView[]; next: number | null; total?: number } {
  const { where, args } = filterSql(q);
  const st = statusSql(q.status);
  if (st) where.push(st);
  const filtered = { where: [...where], args: [...args] };
  const order = SORT_KEYS[q.sort ?? 'severity'];
  if (q.after !== undefined) {
    // the after-flag's own keys, read with the same expressions the list is ordered by
    const a = stmt(db, `SELECT ${order} FROM flags f WHERE f.id = ?`).raw().get(q.after) as
      (number | string)[] | undefined;
    if (a) (where.push(`(${order}) > (${a.map(() => '?').join(', ')})`), args.push(...a));
  }
  const sql = `${SELECT_FLAG} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
  const rows = stmt(db, sql).all(...args, q.limit + 1) as RawFlag[];
  const more = rows.length > q.limit;
  const flags = rows.slice(0, q.limit).map(toView);
  const next = more ? flags[flags.length - 1]!.id : null;
  if (q.after !== undefined) return { flags, next };
  // "n of N": counted once per list, on its first page; a short first page is its own count.
  const total =
    next === null
      ? flags.length
      : (
          stmt(
            db,
            `SELECT COUNT(*) AS n FROM flags f ${filtered.where.length ? `WHERE ${filtered.where.join(' AND ')}` : ''}`,
          ).get(...filtered.args) as { n: number }
        ).n;
  return { flags, next, total };
}

export function getFlag(db: Db, id: number): FlagView | undefined {
  const r = stmt(db, `${SELECT_FLAG} WHERE f.id = ?`).get(id) as RawFlag | undefined;
  return r && toView(r);
}

/** Flags of an audit (every status), for the three-way view. */
export function flagsOfAudit(db: Db, auditId: number): FlagView[] {
  return (stmt(db, `${SELECT_FLAG} WHERE f.audit_id = ? ORDER BY ${ORDER}`).all(auditId) as RawFlag[]).map(toView);
}

export interface VerdictView {
  id: number;
  action: Decision | 'undo';
  text: string | null;
  reviewer_id: number;
  reviewer: string;
  flag_version: number;
  undoes: number | null;
  undone_by: number | null;
  created_at: string;
}

/** A flag's whole verdict history, oldest first. */
export function verdictHistory(db: Db, flagId: number): VerdictView[] {
  return stmt(
    db,
    `SELECT v.id, v.action, v.text, v.reviewer_id, r.name AS reviewer, v.flag_version, v.undoes,
              (SELECT u.id FROM verdicts u WHERE u.undoes = v.id) AS undone_by, v.created_at
       FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id WHERE v.flag_id = ? ORDER BY v.id`,
  ).all(flagId) as VerdictView[];
}
