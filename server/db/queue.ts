import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { fromJson } from './index.js';
import type { FlagRow } from './flags.js';
import type { Severity } from '../pipeline/types.js';

// Read side of review: flags with their current state, which is always a query over verdict history
// (the latest verdict that is not an undo and has not been undone). Nothing here writes.

export type Decision = 'approve' | 'reject' | 'correct';

/** SQL for the id of a flag's current verdict; `flagId` is an SQL expression (a column, or `?`). */
export const currentVerdictSql = (flagId = 'f.id'): string => `(SELECT v.id FROM verdicts v
  WHERE v.flag_id = ${flagId} AND v.action <> 'undo' AND NOT EXISTS (SELECT 1 FROM verdicts u WHERE u.undoes = v.id)
  ORDER BY v.id DESC LIMIT 1)`;
const CURRENT_VERDICT_SQL = currentVerdictSql();

/** Queue order: severity desc, confidence desc, id asc — the same expressions as index flags_queue (0050). */
const SEV_RANK = `(CASE f.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 ELSE 2 END)`;
const ORDER = `${SEV_RANK}, (-f.confidence), f.id`;

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
  document_lang: string;
  other_document_lang: string | null;
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

interface RawFlag extends Omit<FlagView, 'segments' | 'other_segments' | 'evidence' | 'decision' | 'excerpt'> {
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

function toView(r: RawFlag): FlagView {
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
        : { verdict_id: c_id, action: c_action!, text: c_text, reviewer_id: c_reviewer_id!, reviewer: c_reviewer ?? '', at: c_at! },
  };
}

export const QUEUE_STATUSES = ['pending', 'decided', 'approved', 'rejected', 'corrected', 'active', 'stale', 'all'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueFilter {
  status: QueueStatus;
  detector?: string[];
  severity?: Severity[];
  category?: string[];
  audit?: number;
  document?: number;
  minConfidence?: number;
  maxConfidence?: number;
  /** Keyset pagination: return flags after this flag in queue order. */
  after?: number;
  limit: number;
}

const inList = (col: string, n: number): string => `${col} IN (${Array.from({ length: n }, () => '?').join(', ')})`;

/** One page of the review queue in stable order, plus whether more follow. */
export function listFlags(db: Db, q: QueueFilter): { flags: FlagView[]; next: number | null } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const decided = `${CURRENT_VERDICT_SQL} IS NOT NULL`;
  const actionIs = (a: Decision): string => `(SELECT action FROM verdicts WHERE id = ${CURRENT_VERDICT_SQL}) = '${a}'`;
  switch (q.status) {
    case 'pending':
      where.push(`f.status = 'active'`, `${CURRENT_VERDICT_SQL} IS NULL`);
      break;
    case 'active':
    case 'stale':
      where.push(`f.status = '${q.status}'`);
      break;
    case 'decided':
      where.push(decided);
      break;
    case 'approved':
      where.push(actionIs('approve'));
      break;
    case 'rejected':
      where.push(actionIs('reject'));
      break;
    case 'corrected':
      where.push(actionIs('correct'));
      break;
    case 'all':
      break;
  }
  if (q.detector?.length) (where.push(inList('f.detector', q.detector.length)), args.push(...q.detector));
  if (q.severity?.length) (where.push(inList('f.severity', q.severity.length)), args.push(...q.severity));
  if (q.category?.length) (where.push(inList('f.category', q.category.length)), args.push(...q.category));
  if (q.audit !== undefined) (where.push('f.audit_id = ?'), args.push(q.audit));
  if (q.document !== undefined) (where.push('(f.document_id = ? OR f.other_document_id = ?)'), args.push(q.document, q.document));
  if (q.minConfidence !== undefined) (where.push('f.confidence >= ?'), args.push(q.minConfidence));
  if (q.maxConfidence !== undefined) (where.push('f.confidence <= ?'), args.push(q.maxConfidence));
  if (q.after !== undefined) {
    const a = stmt(
      db, `SELECT ${SEV_RANK} AS s, (-f.confidence) AS c, f.id AS id FROM flags f WHERE f.id = ?`)
      .get(q.after) as { s: number; c: number; id: number } | undefined;
    if (a) (where.push(`(${ORDER}) > (?, ?, ?)`), args.push(a.s, a.c, a.id));
  }
  const sql = `${SELECT_FLAG} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${ORDER} LIMIT ?`;
  const rows = stmt(db, sql).all(...args, q.limit + 1) as RawFlag[];
  const more = rows.length > q.limit;
  const flags = rows.slice(0, q.limit).map(toView);
  return { flags, next: more ? flags[flags.length - 1]!.id : null };
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
    )
    .all(flagId) as VerdictView[];
}
