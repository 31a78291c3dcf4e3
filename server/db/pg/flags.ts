import {
  COMPARED,
  flagUnchanged,
  storedFlagRows,
  type FindingToStore,
  type FlagRow,
  type KnownText,
  type ReconcileResult,
  type StoredFlag,
} from '../flag-rows.js';
import { nowIso } from '../../clock.js';
import type { Queryable } from './connect.js';

// Flag reconciliation on PostgreSQL, by the rules of db/flags.ts reconcileFlags (the same fingerprints, so a
// finding is "the same finding" on either backend): unchanged flags keep id, version and verdicts; changed ones
// are updated with version + 1; flags that no longer fire go stale, never deleted. The caller holds the texts
// of every document a finding names (a story's versions), so nothing is read back for fingerprints.

/** The flagged text from the story's versions the caller holds (nothing is read back on this backend). */
function flaggedText(
  known: ReadonlyMap<number, KnownText>,
  id: number | null,
  span: { start: number; end: number } | null,
  idxs: number[],
): string {
  if (id === null) return '';
  const doc = known.get(id);
  if (!doc) throw new Error(`document ${id} of a finding is not among the story's versions`);
  if (span) return doc.text.slice(span.start, span.end);
  const byIdx = new Map(doc.segments.map((s) => [s.index, s.text]));
  return idxs.map((i) => byIdx.get(i) ?? '').join('\n');
}

/** Every stored column with its PostgreSQL array type, for the one-statement insert; typed so none is missed. */
const CAST: Record<keyof StoredFlag, string> = {
  audit_id: 'bigint',
  document_id: 'bigint',
  other_document_id: 'bigint',
  detector: 'text',
  category: 'text',
  severity: 'text',
  confidence: 'float8',
  raw_score: 'float8',
  segments: 'text',
  other_segments: 'text',
  start: 'int',
  end: 'int',
  other_start: 'int',
  other_end: 'int',
  message: 'text',
  evidence: 'text',
  suggestion: 'text',
  fingerprint: 'text',
};
const COLUMNS = Object.keys(CAST) as (keyof StoredFlag)[];
const quoted = (c: string): string => (c === 'end' ? '"end"' : c);

/** Reconciles an audit's findings with its stored flags. Call inside a transaction that holds the audit's row lock. */
export async function reconcileFlagsPg(
  q: Queryable,
  auditId: number,
  findings: FindingToStore[],
  known: ReadonlyMap<number, KnownText>,
): Promise<ReconcileResult> {
  const now = nowIso();
  const rows = storedFlagRows(auditId, findings, (id, span, idxs) => flaggedText(known, id, span, idxs));
  const existing = (await q.query<FlagRow>('SELECT * FROM flags WHERE audit_id = $1', [auditId])).rows;
  const byKey = new Map(existing.map((r) => [`${r.document_id}:${r.fingerprint}`, r]));
  const result: ReconcileResult = { inserted: 0, updated: 0, unchanged: 0, staled: 0 };
  const fresh: StoredFlag[] = [];
  const kept = new Set<number>();
  for (const r of rows) {
    const old = byKey.get(`${r.document_id}:${r.fingerprint}`);
    if (!old) {
      fresh.push(r);
      continue;
    }
    kept.add(old.id);
    if (flagUnchanged(old, r)) {
      result.unchanged++;
      continue;
    }
    const sets = COMPARED.map((k, i) => `${quoted(k)} = $${i + 3}`).join(', ');
    await q.query(`UPDATE flags SET ${sets}, status = 'active', version = version + 1, updated_at = $2 WHERE id = $1`, [
      old.id,
      now,
      ...COMPARED.map((k) => r[k]),
    ]);
    result.updated++;
  }
  if (fresh.length) {
    // new flags in one statement, in finding order (ids ascend as SQLite's do)
    const cols = COLUMNS.map(quoted).join(', ');
    const arrays = COLUMNS.map((c, i) => `$${i + 2}::${CAST[c]}[]`).join(', ');
    await q.query(
      `INSERT INTO flags (${cols}, version, status, created_at, updated_at)
       SELECT ${cols}, 1, 'active', $1, $1 FROM unnest(${arrays}) WITH ORDINALITY AS t(${cols}, n) ORDER BY n`,
      [now, ...COLUMNS.map((c) => fresh.map((r) => r[c]))],
    );
    result.inserted = fresh.length;
  }
  const gone = existing.filter((old) => !kept.has(old.id) && old.status === 'active').map((old) => old.id);
  if (gone.length) {
    await q.query(
      `UPDATE flags SET status = 'stale', version = version + 1, updated_at = $1 WHERE id = ANY($2::bigint[])`,
      [now, gone],
    );
    result.staled = gone.length;
  }
  return result;
}
