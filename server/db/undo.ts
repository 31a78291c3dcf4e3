import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { tx } from './index.js';
import type { Reviewer } from './reviewers.js';
import { currentVerdictSql } from './queue-sql.js';
import { insertVerdict } from './verdicts.js';

// "Undo my last decision", wherever the reviewer's cursor is now: the reviewer's own verdicts form a stack.
// Its top is their newest verdict that still decides its flag (not undone, not replaced by a later verdict);
// a bulk decision is one entry, undone whole. Verdicts someone else replaced since are not undone behind
// their back: they leave the stack, as they no longer decide anything.

export interface Undone {
  /** the flags whose verdict was undone, newest first */
  flagIds: number[];
  /** set when the undone decision was a bulk decision */
  bulkId: number | null;
}

/** Undoes the reviewer's last decision in one transaction; null when they have nothing left to undo. */
export function undoLast(db: Db, reviewer: Reviewer): Undone | null {
  return tx(db, () => {
    const top = stmt(
      db,
      // (alias w: currentVerdictSql's own subquery is over `verdicts v`)
      `SELECT w.id, w.flag_id, w.bulk_id FROM verdicts w
       WHERE w.reviewer_id = ? AND w.action <> 'undo' AND w.id = ${currentVerdictSql('w.flag_id')}
       ORDER BY w.id DESC LIMIT 1`,
    ).get(reviewer.id) as { id: number; flag_id: number; bulk_id: number | null } | undefined;
    if (!top) return null;
    const targets =
      top.bulk_id === null
        ? [{ id: top.id, flag_id: top.flag_id }]
        : (stmt(
            db,
            `SELECT w.id, w.flag_id FROM verdicts w
             WHERE w.bulk_id = ? AND w.reviewer_id = ? AND w.action <> 'undo' AND w.id = ${currentVerdictSql('w.flag_id')}
             ORDER BY w.id DESC`,
          ).all(top.bulk_id, reviewer.id) as { id: number; flag_id: number }[]);
    const version = stmt(db, 'SELECT version FROM flags WHERE id = ?');
    for (const t of targets) {
      const { version: v } = version.get(t.flag_id) as { version: number };
      insertVerdict(db, {
        flagId: t.flag_id,
        action: 'undo',
        text: null,
        reviewerId: reviewer.id,
        version: v,
        undoes: t.id,
        bulkId: top.bulk_id,
      });
    }
    return { flagIds: targets.map((t) => t.flag_id), bulkId: top.bulk_id };
  });
}
