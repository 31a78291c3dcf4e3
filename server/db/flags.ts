import { createHash } from 'node:crypto';
import { stmt } from './stmt.js';
import type { Db } from './index.js';
import { fromJson, toJson } from './index.js';
import { nowIso } from '../clock.js';
import type { Category, Finding, Severity } from '../core/types.js';

// Flag storage with reconciliation: a re-run of detection on an audit meets the stored flags by fingerprint,
// so a reviewer's verdicts stay attached to "the same finding" even when offsets or scores shift.

export interface FindingToStore {
  documentId: number;
  otherDocumentId: number | null;
  finding: Finding;
}

export interface ReconcileResult {
  inserted: number;
  updated: number;
  unchanged: number;
  staled: number;
}

export interface FlagRow {
  id: number;
  audit_id: number | null;
  document_id: number;
  other_document_id: number | null;
  detector: string;
  category: Category;
  severity: Severity;
  confidence: number;
  raw_score: number | null;
  segments: string;
  other_segments: string;
  start: number | null;
  end: number | null;
  other_start: number | null;
  other_end: number | null;
  message: string;
  evidence: string;
  suggestion: string | null;
  fingerprint: string;
  version: number;
  status: 'active' | 'stale';
  created_at: string;
  updated_at: string;
}

/** Evidence that identifies a finding: its words (strings, lists of strings), not its scores or positions. */
function keyEvidence(evidence: Record<string, unknown>): [string, unknown][] {
  return Object.entries(evidence)
    .filter(([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The identity of a finding across re-runs: audit, detector, document (and the other one), the flagged text
 * and the key evidence. Offsets, segment numbers, scores and messages are left out: they shift.
 */
export function flagFingerprint(
  auditId: number,
  f: FindingToStore,
  flaggedText: string,
  otherText: string,
  occurrence = 0,
): string {
  const key = [
    auditId,
    f.finding.detector,
    f.documentId,
    f.otherDocumentId,
    flaggedText,
    otherText,
    keyEvidence(f.finding.evidence),
    occurrence,
  ];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32);
}

/** A document's text and sentences, when the caller has them at hand (the batch does). */
export interface KnownText {
  text: string;
  segments: { index: number; text: string }[];
}

function textLoader(db: Db, known: ReadonlyMap<number, KnownText>) {
  const docs = new Map<number, string>();
  // cached statements: a batch reconciles a story's flags hundreds of times a second
  const getDoc = stmt(db, 'SELECT text FROM documents WHERE id = ?');
  const getSegs = stmt(db, 'SELECT idx, text FROM segments WHERE document_id = ? ORDER BY idx');
  const segs = new Map<number, Map<number, string>>();
  const doc = (id: number): string => {
    if (!docs.has(id))
      docs.set(id, known.get(id)?.text ?? (getDoc.get(id) as { text: string } | undefined)?.text ?? '');
    return docs.get(id)!;
  };
  const seg = (id: number, idx: number): string => {
    if (!segs.has(id)) {
      const k = known.get(id);
      segs.set(
        id,
        new Map(
          k
            ? k.segments.map((s) => [s.index, s.text])
            : (getSegs.all(id) as { idx: number; text: string }[]).map((r) => [r.idx, r.text]),
        ),
      );
    }
    return segs.get(id)!.get(idx) ?? '';
  };
  /** The flagged text: the span when there is one, else the sentences. */
  return (id: number | null, span: { start: number; end: number } | null, idxs: number[]): string => {
    if (id === null) return '';
    if (span) return doc(id).slice(span.start, span.end);
    return idxs.map((i) => seg(id, i)).join('\n');
  };
}

/** A finding as it would be stored: the row less what storage itself assigns (id, version, status, times). */
type Stored = Omit<FlagRow, 'id' | 'audit_id' | 'version' | 'status' | 'created_at' | 'updated_at'> & {
  audit_id: number;
};

const COMPARED: (keyof Stored)[] = [
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
];

/**
 * Stores an audit's findings against what is stored: unchanged flags keep id, version and verdicts;
 * changed ones are updated with version + 1; flags that no longer fire become 'stale', never deleted;
 * a stale flag that fires again becomes active (version + 1). Call inside tx().
 */
export function reconcileFlags(
  db: Db,
  auditId: number,
  findings: FindingToStore[],
  /** the documents' texts as stored, by id, when the caller holds them: not read back */
  known: ReadonlyMap<number, KnownText> = new Map(),
): ReconcileResult {
  const text = textLoader(db, known);
  const now = nowIso();
  const seen = new Map<string, number>();
  const rows: Stored[] = findings.map((f) => {
    const x = f.finding;
    const flagged = text(f.documentId, x.span, x.segments);
    const other = text(f.otherDocumentId, x.otherSpan, x.otherSegments);
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

  const existing = stmt(db, 'SELECT * FROM flags WHERE audit_id = ?').all(auditId) as FlagRow[];
  const byKey = new Map(existing.map((r) => [`${r.document_id}:${r.fingerprint}`, r]));
  const insert = stmt(
    db,
    `INSERT INTO flags (audit_id, document_id, other_document_id, detector, category, severity, confidence, raw_score,
       segments, other_segments, start, end, other_start, other_end, message, evidence, suggestion, fingerprint,
       version, status, created_at, updated_at)
     VALUES (@audit_id, @document_id, @other_document_id, @detector, @category, @severity, @confidence, @raw_score,
       @segments, @other_segments, @start, @end, @other_start, @other_end, @message, @evidence, @suggestion, @fingerprint,
       1, 'active', @now, @now)`,
  );
  const update = stmt(
    db,
    `UPDATE flags SET other_document_id = @other_document_id, category = @category, severity = @severity,
       confidence = @confidence, raw_score = @raw_score, segments = @segments, other_segments = @other_segments,
       start = @start, end = @end, other_start = @other_start, other_end = @other_end, message = @message,
       evidence = @evidence, suggestion = @suggestion, status = 'active', version = version + 1, updated_at = @now
     WHERE id = @id`,
  );
  const stale = stmt(db, `UPDATE flags SET status = 'stale', version = version + 1, updated_at = ? WHERE id = ?`);

  const result: ReconcileResult = { inserted: 0, updated: 0, unchanged: 0, staled: 0 };
  const kept = new Set<number>();
  for (const r of rows) {
    const old = byKey.get(`${r.document_id}:${r.fingerprint}`);
    if (!old) {
      insert.run({ ...r, now });
      result.inserted++;
      continue;
    }
    kept.add(old.id);
    const same = old.status === 'active' && COMPARED.every((k) => old[k] === r[k]);
    if (same) result.unchanged++;
    else {
      update.run({ ...r, id: old.id, now });
      result.updated++;
    }
  }
  for (const old of existing) {
    if (!kept.has(old.id) && old.status === 'active') {
      stale.run(now, old.id);
      result.staled++;
    }
  }
  return result;
}

/** An audit's flags, optionally only those with one status, in document and position order. */
export function listAuditFlags(db: Db, auditId: number, status?: 'active' | 'stale'): FlagRow[] {
  const sql = `SELECT * FROM flags WHERE audit_id = ?${status ? ' AND status = ?' : ''} ORDER BY document_id, start, id`;
  return (status ? db.prepare(sql).all(auditId, status) : db.prepare(sql).all(auditId)) as FlagRow[];
}

/** The stored evidence of a flag, parsed. */
export const flagEvidence = (row: FlagRow): Record<string, unknown> => fromJson(row.evidence, {});

export function flagExists(db: Db, id: number): boolean {
  return stmt(db, 'SELECT 1 FROM flags WHERE id = ?').get(id) !== undefined;
}

/** An audit's active flags as stored, in id (insertion) order: the order `judge` re-places them in. */
export function activeFlagRowsById(db: Db, auditId: number): FlagRow[] {
  return stmt(db, "SELECT * FROM flags WHERE audit_id = ? AND status = 'active' ORDER BY id").all(auditId) as FlagRow[];
}
