import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { tx } from './index.js';
import type { Reviewer } from './reviewers.js';
import { currentVerdictSql, type Decision } from './queue-sql.js';
import { insertVerdict } from './verdicts.js';

// Bulk decisions, as Weblate and Crowdin QA offer them: one decision for every identical finding
// ("nations → countries" dozens of times in a spun batch), or for every finding of one detector in an audit
// ("dismiss in this audit"). Only pending findings are decided: a verdict someone gave stays theirs. The
// verdicts share a bulk_id, so one undo takes the decision back.

/** identical: same detector, same flagged text, same suggestion. detector: every finding of the detector. */
export type BulkMatch = 'identical' | 'detector';
/** audit: the flag's audit. batch: every audit of the batch runs the flag's audit came from. */
export type BulkScope = 'audit' | 'batch';

// The flagged text (the span in the document, or the whole message for a finding without one).
const SPAN = `COALESCE(substr(d.text, f.start + 1, f.end - f.start), '#' || f.message)`;

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

/** The pending flags one bulk decision on `flagId` would decide (the flag itself included while pending). */
export function bulkTargets(
  db: Db,
  flagId: number,
  match: BulkMatch,
  scope: BulkScope,
): { id: number; version: number }[] {
  return stmt(db, matchSql(match, scope)).all(flagId) as { id: number; version: number }[];
}

/** How many pending findings each bulk decision on this flag would decide; batch is null outside a batch run. */
export function bulkCounts(
  db: Db,
  flagId: number,
): { identical: { audit: number; batch: number | null }; detector: number } {
  const inBatch =
    stmt(db, 'SELECT 1 FROM batch_stories WHERE audit_id = (SELECT audit_id FROM flags WHERE id = ?) LIMIT 1').get(
      flagId,
    ) !== undefined;
  return {
    identical: {
      audit: bulkTargets(db, flagId, 'identical', 'audit').length,
      batch: inBatch ? bulkTargets(db, flagId, 'identical', 'batch').length : null,
    },
    detector: bulkTargets(db, flagId, 'detector', 'audit').length,
  };
}

export interface BulkInput {
  flagId: number;
  match: BulkMatch;
  scope: BulkScope;
  action: Decision;
  text?: string | undefined;
  reviewer: Reviewer;
}

/** Decides every target in one transaction; returns the bulk id and the flags decided. */
export function bulkVerdict(db: Db, b: BulkInput): { bulkId: number; flagIds: number[] } {
  return tx(db, () => {
    const targets = bulkTargets(db, b.flagId, b.match, b.scope);
    const { n } = stmt(db, 'SELECT COALESCE(MAX(bulk_id), 0) + 1 AS n FROM verdicts').get() as { n: number };
    for (const t of targets) {
      insertVerdict(db, {
        flagId: t.id,
        action: b.action,
        text: b.text ?? null,
        reviewerId: b.reviewer.id,
        version: t.version,
        undoes: null,
        bulkId: n,
      });
    }
    return { bulkId: n, flagIds: targets.map((t) => t.id) };
  });
}
