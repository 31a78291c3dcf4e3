import { flagFingerprint, type FindingToStore, type FlagRow, type KnownText, type ReconcileResult } from '../flags.js';
import { toJson } from '../index.js';
import { nowIso } from '../../clock.js';
import type { Queryable } from './connect.js';

// Flag reconciliation on PostgreSQL, by the rules of db/flags.ts reconcileFlags (the same fingerprints, so a
// finding is "the same finding" on either backend): unchanged flags keep id, version and verdicts; changed ones
// are updated with version + 1; flags that no longer fire go stale, never deleted. The caller holds the texts
// of every document a finding names (a story's versions), so nothing is read back for fingerprints.

type Stored = Omit<FlagRow, 'id' | 'audit_id' | 'version' | 'status' | 'created_at' | 'updated_at'> & {
  audit_id: number;
};

const COMPARED = [
  'other_document_id',
  'category',
  'severity',
  'confidence',
  'raw_score',
  'segments',
  'other_segments',
  'start',
  'end',
  'other_start',
  'other_end',
  'message',
  'evidence',
  'suggestion',
] as const satisfies readonly (keyof Stored)[];

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

function storedRows(auditId: number, findings: FindingToStore[], known: ReadonlyMap<number, KnownText>): Stored[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const x = f.finding;
    const flagged = flaggedText(known, f.documentId, x.span, x.segments);
    const other = flaggedText(known, f.otherDocumentId, x.otherSpan, x.otherSegments);
    const base = flagFingerprint(auditId, f, flagged, other);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      audit_id: auditId,
      document_id: f.documentId,
      other_document_id: f.otherDocumentId,
      detector: x.detector,
      category: x.category,
      severity: x.severity,
      confidence: x.confidence,
      raw_score: Number.isFinite(x.rawScore) ? x.rawScore : null,
      segments: toJson(x.segments),
      other_segments: toJson(x.otherSegments),
      start: x.span?.start ?? null,
      end: x.span?.end ?? null,
      other_start: x.otherSpan?.start ?? null,
      other_end: x.otherSpan?.end ?? null,
      message: x.message,
      evidence: toJson(x.evidence),
      suggestion: x.suggestion,
      fingerprint: n === 0 ? base : flagFingerprint(auditId, f, flagged, other, n),
    };
  });
}

const COLUMNS = [
  'audit_id',
  'document_id',
  'other_document_id',
  'detector',
  'category',
  'severity',
  'confidence',
  'raw_score',
  'segments',
  'other_segments',
  'start',
  'end',
  'other_start',
  'other_end',
  'message',
  'evidence',
  'suggestion',
  'fingerprint',
] as const;
const CAST: Record<(typeof COLUMNS)[number], string> = {
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
const quoted = (c: string): string => (c === 'end' ? '"end"' : c);

/** Reconciles an audit's findings with its stored flags. Call inside a transaction that holds the audit's row lock. */
export async function reconcileFlagsPg(
  q: Queryable,
  auditId: number,
  findings: FindingToStore[],
  known: ReadonlyMap<number, KnownText>,
): Promise<ReconcileResult> {
  const now = nowIso();
  const rows = storedRows(auditId, findings, known);
  const existing = (await q.query<FlagRow>('SELECT * FROM flags WHERE audit_id = $1', [auditId])).rows;
  const byKey = new Map(existing.map((r) => [`${r.document_id}:${r.fingerprint}`, r]));
  const result: ReconcileResult = { inserted: 0, updated: 0, unchanged: 0, staled: 0 };
  const fresh: Stored[] = [];
  const kept = new Set<number>();
  for (const r of rows) {
    const old = byKey.get(`${r.document_id}:${r.fingerprint}`);
    if (!old) {
      fresh.push(r);
      continue;
    }
    kept.add(old.id);
    if (old.status === 'active' && COMPARED.every((k) => old[k] === r[k])) {
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
