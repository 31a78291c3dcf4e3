import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { currentVerdictSql } from './queue-sql.js';
import { filterSql, type FlagFilter } from './filter.js';

// Per-detector precision from verdicts (TOTAL, not SUM: a detector with no verdicts counts 0, not NULL). A flag a reviewer approved or corrected was a true finding (a correction
// confirms there was something to correct); a rejected one was a false alarm. precision = true / decided.

export interface DetectorStats {
  detector: string;
  flags: number;
  pending: number;
  approved: number;
  corrected: number;
  rejected: number;
  decided: number;
  /** null until something was decided */
  precision: number | null;
}

export interface ReviewStats {
  flags: number;
  active: number;
  stale: number;
  pending: number;
  decided: number;
  detectors: DetectorStats[];
}

/** Counts over the flags the filters select (every status): the queue's counts follow its filters. */
export function reviewStats(db: Db, filter: FlagFilter = {}): ReviewStats {
  const { where, args } = filterSql(filter);
  const rows = stmt(
    db,
    `SELECT f.detector AS detector, COUNT(*) AS flags,
              TOTAL(f.status = 'active' AND c.id IS NULL) AS pending,
              TOTAL(f.status = 'active') AS active,
              TOTAL(c.action = 'approve') AS approved,
              TOTAL(c.action = 'correct') AS corrected,
              TOTAL(c.action = 'reject') AS rejected
       FROM flags f LEFT JOIN verdicts c ON c.id = ${currentVerdictSql()}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY f.detector ORDER BY f.detector`,
  ).all(...args) as (Omit<DetectorStats, 'decided' | 'precision'> & { active: number })[];
  const detectors: DetectorStats[] = rows.map(({ active: _active, ...r }) => {
    const decided = r.approved + r.corrected + r.rejected;
    return { ...r, decided, precision: decided === 0 ? null : (r.approved + r.corrected) / decided };
  });
  const sum = (k: 'flags' | 'pending' | 'decided'): number => detectors.reduce((a, d) => a + d[k], 0);
  const active = rows.reduce((a, r) => a + r.active, 0);
  return {
    flags: sum('flags'),
    active,
    stale: sum('flags') - active,
    pending: sum('pending'),
    decided: sum('decided'),
    detectors,
  };
}

/** How many documents and audits the database holds (a batch that stops part way says what it saved). */
export function storedTotals(db: Db): { documents: number; audits: number } {
  return stmt(
    db,
    'SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM audits) AS audits',
  ).get() as { documents: number; audits: number };
}

export interface AuditSummary {
  id: number;
  name: string;
  pivot_document_id: number | null;
  created_at: string;
  updated_at: string;
  /** a.*: the batch's key for the story, null for an audit made otherwise */
  story_key: string | null;
  versions: number;
  /** active flags */
  flags: number;
  pending: number;
}

/** Every audit with its version and flag counts, for the audit list. */
export function auditSummaries(db: Db): AuditSummary[] {
  return stmt(
    db,
    `SELECT a.*,
       (SELECT COUNT(*) FROM audit_versions v WHERE v.audit_id = a.id) AS versions,
       (SELECT COUNT(*) FROM flags f WHERE f.audit_id = a.id AND f.status = 'active') AS flags,
       (SELECT COUNT(*) FROM flags f WHERE f.audit_id = a.id AND f.status = 'active' AND ${currentVerdictSql()} IS NULL) AS pending
     FROM audits a ORDER BY a.id`,
  ).all() as AuditSummary[];
}
