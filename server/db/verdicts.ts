import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { tx } from './index.js';
import { nowIso } from '../clock.js';
import type { Reviewer } from './reviewers.js';
import { getFlag, type FlagView } from './queue.js';
import { currentVerdictSql, type Decision } from './queue-sql.js';

// Write side of review. Verdicts are appended, never changed (0001 has triggers for that); every verdict
// bumps the flag's version, and names the version it answered, so two reviewers cannot silently overwrite
// each other: the second one answered a version that no longer exists.

export type VerdictAction = Decision | 'undo';

export interface VerdictInput {
  flagId: number;
  reviewer: Reviewer;
  action: VerdictAction;
  /** The flag version the reviewer saw. */
  version: number;
  /** Corrected text, for 'correct' only. */
  text?: string | undefined;
}

export type VerdictRefusal =
  | { kind: 'not_found' }
  | { kind: 'conflict'; message: string; flag: FlagView }
  | { kind: 'forbidden'; message: string };

export class VerdictError extends Error {
  constructor(readonly refusal: VerdictRefusal) {
    super(refusal.kind === 'not_found' ? 'no such flag' : refusal.message);
  }
}

/** Appends one verdict in one transaction and returns the flag's new state; throws VerdictError when refused. */
export function addVerdict(db: Db, v: VerdictInput): { verdictId: number; flag: FlagView } {
  return tx(db, () => {
    // Only id, version and status decide; the full view is read for refusals and for the answer.
    const flag = stmt(db, 'SELECT id, version, status FROM flags WHERE id = ?').get(v.flagId) as
      { id: number; version: number; status: 'active' | 'stale' } | undefined;
    if (!flag) throw new VerdictError({ kind: 'not_found' });
    if (flag.version !== v.version) {
      throw new VerdictError({
        kind: 'conflict',
        message: `flag ${flag.id} is at version ${flag.version}, not ${v.version}: it changed since you loaded it`,
        flag: getFlag(db, flag.id)!,
      });
    }
    let undoes: number | null = null;
    if (v.action === 'undo') {
      const target = stmt(db, `SELECT ${currentVerdictSql('?')} AS id`).get(flag.id) as { id: number | null };
      if (target.id === null)
        throw new VerdictError({
          kind: 'conflict',
          message: `flag ${flag.id} has no verdict to undo`,
          flag: getFlag(db, flag.id)!,
        });
      const owner = (
        stmt(db, 'SELECT reviewer_id FROM verdicts WHERE id = ?').get(target.id) as { reviewer_id: number }
      ).reviewer_id;
      if (owner !== v.reviewer.id && v.reviewer.role !== 'admin') {
        throw new VerdictError({
          kind: 'forbidden',
          message: 'only the reviewer who gave a verdict, or an admin, can undo it',
        });
      }
      undoes = target.id;
    } else if (flag.status === 'stale') {
      throw new VerdictError({
        kind: 'conflict',
        message: `flag ${flag.id} is stale: its detector no longer reports it`,
        flag: getFlag(db, flag.id)!,
      });
    }
    const id = insertVerdict(db, {
      flagId: flag.id,
      action: v.action,
      text: v.text ?? null,
      reviewerId: v.reviewer.id,
      version: v.version,
      undoes,
      bulkId: null,
    });
    return { verdictId: id, flag: getFlag(db, flag.id)! };
  });
}

export interface VerdictRow {
  flagId: number;
  action: VerdictAction;
  text: string | null;
  reviewerId: number;
  /** the flag version answered */
  version: number;
  undoes: number | null;
  /** shared by the verdicts of one bulk decision (0075), so one undo takes them all back */
  bulkId: number | null;
}

/** Appends one verdict and bumps its flag's version; the caller holds the transaction and has checked the rules. */
export function insertVerdict(db: Db, v: VerdictRow): number {
  const now = nowIso();
  const id = Number(
    stmt(
      db,
      `INSERT INTO verdicts (flag_id, action, text, reviewer_id, flag_version, undoes, bulk_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(v.flagId, v.action, v.action === 'correct' ? v.text : null, v.reviewerId, v.version, v.undoes, v.bulkId, now)
      .lastInsertRowid,
  );
  stmt(db, 'UPDATE flags SET version = version + 1, updated_at = ? WHERE id = ?').run(now, v.flagId);
  return id;
}
