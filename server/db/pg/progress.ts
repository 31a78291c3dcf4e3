import { nowIso } from '../../clock.js';
import { currentVerdictSql } from '../queue-sql.js';
import type { ReviewerProgress } from '../progress.js';
import type { RunProgress } from '../batch.js';
import type { Queryable } from './connect.js';
import { row, rows } from './sql.js';
import { runProgressPg } from './batch.js';
import { progressLine } from './progress-line.js';
import type { RunProgress as RunProgressView } from '../../../contract/index.js';

// Who reviews what, how far each reviewer got, and the newest batch run (progress.ts, batch.ts on SQLite).

export function reviewerProgressPg(q: Queryable, now = nowIso()): Promise<ReviewerProgress[]> {
  const today = `${now.slice(0, 10)}T00:00:00`;
  return rows<ReviewerProgress>(
    q,
    `SELECT r.id, r.name, r.role,
       (SELECT COUNT(*) FROM verdicts w WHERE w.reviewer_id = r.id AND w.action <> 'undo' AND w.created_at >= ?
          AND w.id = ${currentVerdictSql('w.flag_id')}) AS decided_today,
       (SELECT COUNT(*) FROM verdicts w WHERE w.reviewer_id = r.id AND w.action <> 'undo'
          AND w.id = ${currentVerdictSql('w.flag_id')}) AS decided,
       (SELECT COUNT(*) FROM audit_assignments a WHERE a.reviewer_id = r.id) AS assigned_audits,
       (SELECT COUNT(*) FROM flags f JOIN audit_assignments a ON a.audit_id = f.audit_id
          WHERE a.reviewer_id = r.id AND f.status = 'active' AND ${currentVerdictSql()} IS NULL) AS pending_assigned
     FROM reviewers r ORDER BY r.name`,
    [today],
  );
}

/** Assigns the audit (reviewer null: unassigns), in one statement each; false when the audit does not exist. */
export async function assignAuditPg(
  q: Queryable,
  auditId: number,
  reviewerId: number | null,
  by: number,
): Promise<boolean> {
  if (!(await row(q, 'SELECT 1 FROM audits WHERE id = ?', [auditId]))) return false;
  if (reviewerId === null) await q.query('DELETE FROM audit_assignments WHERE audit_id = $1', [auditId]);
  else
    await q.query(
      `INSERT INTO audit_assignments (audit_id, reviewer_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (audit_id) DO UPDATE SET reviewer_id = excluded.reviewer_id, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`,
      [auditId, reviewerId, by, nowIso()],
    );
  return true;
}

/** The newest run; a distributed one with its phase and progress (what `tapat worker` prints). */
export async function latestRunPg(q: Queryable): Promise<RunProgressView | null> {
  const run = await latestRunRow(q);
  if (!run) return null;
  const d = await runProgressPg(q, run.id);
  // a run made in one process (phase NULL) has no phases to tell
  if (!d || (d.phase as string | null) === null) return run;
  return {
    ...run,
    distributed: {
      phase: d.phase,
      inputs: d.inputs,
      read: d.items,
      stories: d.stories,
      audited: d.audited,
      line: progressLine(d),
    },
  };
}

async function latestRunRow(q: Queryable): Promise<RunProgress | null> {
  return (
    (await row<RunProgress>(
      q,
      `SELECT r.id, r.status, r.started_at, r.finished_at,
         (SELECT COUNT(*) FROM batch_items i WHERE i.run_id = r.id) AS items,
         (SELECT COUNT(*) FROM batch_items i WHERE i.run_id = r.id AND i.status = 'refused') AS refused,
         (SELECT COUNT(*) FROM batch_stories s WHERE s.run_id = r.id) AS audits
       FROM batch_runs r ORDER BY r.id DESC LIMIT 1`,
    )) ?? null
  );
}
