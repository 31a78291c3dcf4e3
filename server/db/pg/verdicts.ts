import { nowIso } from '../../clock.js';
import { currentVerdictSql } from '../queue-sql.js';
import { VerdictError, type VerdictInput, type VerdictRow } from '../verdicts.js';
import type { Undone } from '../undo.js';
import type { Reviewer } from '../reviewers.js';
import type { FlagView } from '../queue.js';
import type { PgClient, PgPool } from './connect.js';
import { serializable } from './serializable.js';
import { getFlagPg } from './queue.js';
import { row, rows } from './sql.js';

// Verdicts and undo on PostgreSQL, by the rules of verdicts.ts and undo.ts. The stale-version check is a
// compare-and-set: the flag's version is bumped only WHERE version = the version the reviewer saw, in the one
// UPDATE that also takes the flag's row lock; no row updated means refused, and nothing is stored.

async function insertVerdictRow(c: PgClient, v: VerdictRow, now: string): Promise<number> {
  return (await row<{ id: number }>(
    c,
    `INSERT INTO verdicts (flag_id, action, text, reviewer_id, flag_version, undoes, bulk_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [v.flagId, v.action, v.action === 'correct' ? v.text : null, v.reviewerId, v.version, v.undoes, v.bulkId, now],
  ))!.id;
}

/** Appends a verdict to a flag at `v.version` and bumps the flag: false (nothing done) when the version moved. */
export async function casVerdict(c: PgClient, v: VerdictRow, requireActive: boolean): Promise<number | null> {
  const now = nowIso();
  const bumped = await c.query(
    `UPDATE flags SET version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2${requireActive ? " AND status = 'active'" : ''}`,
    [v.flagId, v.version, now],
  );
  if (!bumped.rowCount) return null;
  return insertVerdictRow(c, v, now);
}

const conflict = (message: string, flag: FlagView): VerdictError =>
  new VerdictError({ kind: 'conflict', message, flag });

/** Why a verdict on this flag at this version is refused (the compare-and-set updated nothing). */
async function refusal(c: PgClient, flagId: number, version: number): Promise<VerdictError> {
  const flag = await getFlagPg(c, flagId);
  if (!flag) return new VerdictError({ kind: 'not_found' });
  if (flag.version !== version)
    return conflict(
      `flag ${flag.id} is at version ${flag.version}, not ${version}: it changed since you loaded it`,
      flag,
    );
  return conflict(`flag ${flag.id} is stale: its detector no longer reports it`, flag);
}

export async function addVerdictPg(pool: PgPool, v: VerdictInput): Promise<{ verdictId: number; flag: FlagView }> {
  return serializable(pool, async (c) => {
    let undoes: number | null = null;
    if (v.action === 'undo') {
      const target = await row<{ id: number; reviewer_id: number }>(
        c,
        `SELECT v.id, v.reviewer_id FROM verdicts v WHERE v.id = ${currentVerdictSql('?')}`,
        [v.flagId],
      );
      if (!target) {
        const flag = await getFlagPg(c, v.flagId);
        if (!flag) throw new VerdictError({ kind: 'not_found' });
        if (flag.version !== v.version) throw await refusal(c, v.flagId, v.version);
        throw conflict(`flag ${flag.id} has no verdict to undo`, flag);
      }
      if (target.reviewer_id !== v.reviewer.id && v.reviewer.role !== 'admin') {
        if (!(await row(c, 'SELECT 1 FROM flags WHERE id = ? AND version = ?', [v.flagId, v.version])))
          throw await refusal(c, v.flagId, v.version);
        throw new VerdictError({
          kind: 'forbidden',
          message: 'only the reviewer who gave a verdict, or an admin, can undo it',
        });
      }
      undoes = target.id;
    }
    const verdictId = await casVerdict(
      c,
      {
        flagId: v.flagId,
        action: v.action,
        text: v.text ?? null,
        reviewerId: v.reviewer.id,
        version: v.version,
        undoes,
        bulkId: null,
      },
      v.action !== 'undo',
    );
    if (verdictId === null) throw await refusal(c, v.flagId, v.version);
    return { verdictId, flag: (await getFlagPg(c, v.flagId))! };
  });
}

export async function undoLastPg(pool: PgPool, reviewer: Reviewer): Promise<Undone | null> {
  return serializable(pool, async (c) => {
    const top = await row<{ id: number; flag_id: number; bulk_id: number | null }>(
      c,
      `SELECT w.id, w.flag_id, w.bulk_id FROM verdicts w
       WHERE w.reviewer_id = ? AND w.action <> 'undo' AND w.id = ${currentVerdictSql('w.flag_id')}
       ORDER BY w.id DESC LIMIT 1`,
      [reviewer.id],
    );
    if (!top) return null;
    const targets =
      top.bulk_id === null
        ? [{ id: top.id, flag_id: top.flag_id }]
        : await rows<{ id: number; flag_id: number }>(
            c,
            `SELECT w.id, w.flag_id FROM verdicts w
             WHERE w.bulk_id = ? AND w.reviewer_id = ? AND w.action <> 'undo' AND w.id = ${currentVerdictSql('w.flag_id')}
             ORDER BY w.id DESC`,
            [top.bulk_id, reviewer.id],
          );
    const now = nowIso();
    for (const t of targets) {
      // the version answered is the flag's version as it is now, bumped in the same statement
      const v = (await row<{ version: number }>(
        c,
        'UPDATE flags SET version = version + 1, updated_at = ? WHERE id = ? RETURNING version - 1 AS version',
        [now, t.flag_id],
      ))!.version;
      await insertVerdictRow(
        c,
        {
          flagId: t.flag_id,
          action: 'undo',
          text: null,
          reviewerId: reviewer.id,
          version: v,
          undoes: t.id,
          bulkId: top.bulk_id,
        },
        now,
      );
    }
    return { flagIds: targets.map((t) => t.flag_id), bulkId: top.bulk_id };
  });
}
