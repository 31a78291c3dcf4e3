import { currentVerdictSql } from '../queue-sql.js';
import type { BulkInput, BulkMatch, BulkScope } from '../bulk.js';
import type { PgPool } from './connect.js';
import type { Queryable } from './connect.js';
import { serializable } from './serializable.js';
import { casVerdict } from './verdicts.js';
import { row, rows } from './sql.js';

// Bulk decisions on PostgreSQL, by the rules of bulk.ts: only pending flags are decided, the verdicts share a
// bulk id (one undo takes them back), all in one transaction or none.

const SPAN = `COALESCE(substr(d.text, f.start + 1, f."end" - f.start), '#' || f.message)`;

function matchSql(match: BulkMatch, scope: BulkScope): string {
  const same =
    match === 'identical'
      ? `f.detector = r.detector AND COALESCE(f.suggestion, '') = COALESCE(r.suggestion, '') AND ${SPAN} = r.span`
      : 'f.detector = r.detector';
  const where =
    scope === 'audit'
      ? 'f.audit_id = r.audit_id'
      : `f.audit_id IN (SELECT b.audit_id FROM batch_stories b WHERE b.run_id IN (SELECT run_id FROM batch_stories WHERE audit_id = r.audit_id))`;
  return `WITH r AS (SELECT f.detector, f.suggestion, f.audit_id, ${SPAN} AS span FROM flags f JOIN documents d ON d.id = f.document_id WHERE f.id = ?)
    SELECT f.id, f.version FROM flags f JOIN documents d ON d.id = f.document_id, r
    WHERE ${where} AND ${same} AND f.status = 'active' AND ${currentVerdictSql()} IS NULL
    ORDER BY f.id`;
}

export const bulkTargetsPg = (
  q: Queryable,
  flagId: number,
  match: BulkMatch,
  scope: BulkScope,
): Promise<{ id: number; version: number }[]> => rows(q, matchSql(match, scope), [flagId]);

export async function bulkCountsPg(
  q: Queryable,
  flagId: number,
): Promise<{ identical: { audit: number; batch: number | null }; detector: number }> {
  const inBatch = !!(await row(
    q,
    'SELECT 1 FROM batch_stories WHERE audit_id = (SELECT audit_id FROM flags WHERE id = ?) LIMIT 1',
    [flagId],
  ));
  return {
    identical: {
      audit: (await bulkTargetsPg(q, flagId, 'identical', 'audit')).length,
      batch: inBatch ? (await bulkTargetsPg(q, flagId, 'identical', 'batch')).length : null,
    },
    detector: (await bulkTargetsPg(q, flagId, 'detector', 'audit')).length,
  };
}

export async function bulkVerdictPg(pool: PgPool, b: BulkInput): Promise<{ bulkId: number; flagIds: number[] }> {
  return serializable(pool, async (c) => {
    const targets = await bulkTargetsPg(c, b.flagId, b.match, b.scope);
    const { n } = (await row<{ n: number }>(c, 'SELECT COALESCE(MAX(bulk_id), 0) + 1 AS n FROM verdicts'))!;
    const decided: number[] = [];
    for (const t of targets) {
      const id = await casVerdict(
        c,
        {
          flagId: t.id,
          action: b.action,
          text: b.text ?? null,
          reviewerId: b.reviewer.id,
          version: t.version,
          undoes: null,
          bulkId: n,
        },
        true,
      );
      // read in this transaction a moment ago: a serializable transaction cannot see it moved
      if (id === null) throw new Error(`flag ${t.id} changed during a bulk decision`);
      decided.push(t.id);
    }
    return { bulkId: n, flagIds: decided };
  });
}
