import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { nowIso } from '../clock.js';
import { currentVerdictSql } from './queue-sql.js';
import type { ReviewerRole } from './reviewers.js';

// Who reviews what, and how far each reviewer got: audits assigned to reviewers, and per reviewer the
// verdicts that still decide a flag (given today, and in all), and what is pending in their audits.

export interface ReviewerProgress {
  id: number;
  name: string;
  role: ReviewerRole;
  /** verdicts given since midnight UTC that still decide their flag */
  decided_today: number;
  decided: number;
  assigned_audits: number;
  /** pending flags in the audits assigned to the reviewer */
  pending_assigned: number;
}

export function reviewerProgress(db: Db, now = nowIso()): ReviewerProgress[] {
  const today = `${now.slice(0, 10)}T00:00:00`;
  return stmt(
    db,
    `SELECT r.id, r.name, r.role,
       (SELECT COUNT(*) FROM verdicts w WHERE w.reviewer_id = r.id AND w.action <> 'undo' AND w.created_at >= ?
          AND w.id = ${currentVerdictSql('w.flag_id')}) AS decided_today,
       (SELECT COUNT(*) FROM verdicts w WHERE w.reviewer_id = r.id AND w.action <> 'undo'
          AND w.id = ${currentVerdictSql('w.flag_id')}) AS decided,
       (SELECT COUNT(*) FROM audit_assignments a WHERE a.reviewer_id = r.id) AS assigned_audits,
       (SELECT COUNT(*) FROM flags f JOIN audit_assignments a ON a.audit_id = f.audit_id
          WHERE a.reviewer_id = r.id AND f.status = 'active' AND ${currentVerdictSql()} IS NULL) AS pending_assigned
     FROM reviewers r ORDER BY r.name`,
  ).all(today) as ReviewerProgress[];
}

/** Assigns the audit to the reviewer (by name), or unassigns it (null); false when the audit does not exist. */
export function assignAudit(db: Db, auditId: number, reviewerId: number | null, by: number): boolean {
  if (!stmt(db, 'SELECT 1 FROM audits WHERE id = ?').get(auditId)) return false;
  if (reviewerId === null) stmt(db, 'DELETE FROM audit_assignments WHERE audit_id = ?').run(auditId);
  else
    stmt(
      db,
      `INSERT INTO audit_assignments (audit_id, reviewer_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (audit_id) DO UPDATE SET reviewer_id = excluded.reviewer_id, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`,
    ).run(auditId, reviewerId, by, nowIso());
  return true;
}

export const reviewerIdByName = (db: Db, name: string): number | undefined =>
  (stmt(db, 'SELECT id FROM reviewers WHERE name = ?').get(name) as { id: number } | undefined)?.id;
