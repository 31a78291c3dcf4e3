import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { tx } from './index.js';
import { nowIso } from '../clock.js';
import type { Reviewer } from './reviewers.js';
import { currentVerdictSql, getFlag, type Decision, type FlagView } from './queue.js';

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
      | { id: number; version: number; status: 'active' | 'stale' }
      | undefined;
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
      if (target.id === null) throw new VerdictError({ kind: 'conflict', message: `flag ${flag.id} has no verdict to undo`, flag: getFlag(db, flag.id)! });
      const owner = (stmt(db, 'SELECT reviewer_id FROM verdicts WHERE id = ?').get(target.id) as { reviewer_id: number }).reviewer_id;
      if (owner !== v.reviewer.id && v.reviewer.role !== 'admin') {
        throw new VerdictError({ kind: 'forbidden', message: "only the reviewer who gave a verdict, or an admin, can undo it" });
      }
      undoes = target.id;
    } else if (flag.status === 'stale') {
      throw new VerdictError({ kind: 'conflict', message: `flag ${flag.id} is stale: its detector no longer reports it`, flag: getFlag(db, flag.id)! });
    }
    const now = nowIso();
    const id = Number(
      stmt(
        db, 
          `INSERT INTO verdicts (flag_id, action, text, reviewer_id, flag_version, undoes, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(flag.id, v.action, v.action === 'correct' ? (v.text ?? null) : null, v.reviewer.id, v.version, undoes, now).lastInsertRowid,
    );
    stmt(db, 'UPDATE flags SET version = version + 1, updated_at = ? WHERE id = ?').run(now, flag.id);
    return { verdictId: id, flag: getFlag(db, flag.id)! };
  });
}
