import type { Severity } from '../core/types.js';
import { currentVerdictSql, type Decision } from './queue-sql.js';
import { FLAG_SEARCH_SQL, ftsQuery } from './search.js';
import type { QueueStatus } from '../../contract/queue.js';

// The reviewer's filters as SQL, shared by the queue, its counts and the per-detector figures, so the counts a
// reviewer reads always describe the list beside them.

/** Every filter except the status: what the counts of each status are taken over. */
export interface FlagFilter {
  detector?: string[] | undefined;
  severity?: Severity[] | undefined;
  category?: string[] | undefined;
  audit?: number | undefined;
  document?: number | undefined;
  minConfidence?: number | undefined;
  maxConfidence?: number | undefined;
  /** flags of the audits assigned to this reviewer */
  assignee?: number | undefined;
  /** words to find in the flag's message or suggestion, or in its sentences */
  q?: string | undefined;
}

const inList = (col: string, n: number): string => `${col} IN (${Array.from({ length: n }, () => '?').join(', ')})`;

/** WHERE terms (joined with AND) and their arguments, over `flags f`. */
export function filterSql(q: FlagFilter): { where: string[]; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.detector?.length) (where.push(inList('f.detector', q.detector.length)), args.push(...q.detector));
  if (q.severity?.length) (where.push(inList('f.severity', q.severity.length)), args.push(...q.severity));
  if (q.category?.length) (where.push(inList('f.category', q.category.length)), args.push(...q.category));
  if (q.audit !== undefined) (where.push('f.audit_id = ?'), args.push(q.audit));
  if (q.document !== undefined)
    (where.push('(f.document_id = ? OR f.other_document_id = ?)'), args.push(q.document, q.document));
  if (q.minConfidence !== undefined) (where.push('f.confidence >= ?'), args.push(q.minConfidence));
  if (q.maxConfidence !== undefined) (where.push('f.confidence <= ?'), args.push(q.maxConfidence));
  if (q.assignee !== undefined)
    (where.push('f.audit_id IN (SELECT audit_id FROM audit_assignments WHERE reviewer_id = ?)'), args.push(q.assignee));
  const fts = q.q === undefined ? null : ftsQuery(q.q);
  if (fts !== null) (where.push(FLAG_SEARCH_SQL), args.push(fts, fts));
  return { where, args };
}

/** The WHERE term of a status (constant SQL, no arguments). */
export function statusSql(status: QueueStatus): string | null {
  const cur = currentVerdictSql();
  const actionIs = (a: Decision): string => `(SELECT action FROM verdicts WHERE id = ${cur}) = '${a}'`;
  switch (status) {
    case 'pending':
      return `f.status = 'active' AND ${cur} IS NULL`;
    case 'active':
    case 'stale':
      return `f.status = '${status}'`;
    case 'decided':
      return `${cur} IS NOT NULL`;
    case 'approved':
      return actionIs('approve');
    case 'rejected':
      return actionIs('reject');
    case 'corrected':
      return actionIs('correct');
    case 'all':
      return null;
  }
}
