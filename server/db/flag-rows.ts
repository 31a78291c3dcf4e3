import { createHash } from 'node:crypto';
import { toJson } from './index.js';
import type { Category, Finding, Severity } from '../core/types.js';

// What a flag row holds and how a finding becomes one, kept apart from any database: the SQLite repository
// (db/flags.ts) and the PostgreSQL one (db/pg/flags.ts) build and compare rows with these, so "the same
// finding" (its fingerprint) and "unchanged" mean the same on both backends.

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

/** A finding as it would be stored: the row less what storage itself assigns (id, version, status, times). */
export type StoredFlag = Omit<FlagRow, 'id' | 'audit_id' | 'version' | 'status' | 'created_at' | 'updated_at'> & {
  audit_id: number;
};

/** The columns a re-run compares: any change makes a new version of the flag. */
export const COMPARED: (keyof StoredFlag)[] = [
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

/** An active stored flag whose compared columns all equal the new row's: nothing to update. */
export const flagUnchanged = (old: FlagRow, r: StoredFlag): boolean =>
  old.status === 'active' && COMPARED.every((k) => old[k] === r[k]);

/** The flagged text of a finding: its span when there is one, else its sentences ('' for no document). */
export type FlaggedText = (id: number | null, span: { start: number; end: number } | null, idxs: number[]) => string;

/**
 * Findings as rows to store, each with its fingerprint; the n-th repeat of one fingerprint in a story gets
 * its own (occurrence n), so two identical findings stay two flags.
 */
export function storedFlagRows(auditId: number, findings: FindingToStore[], text: FlaggedText): StoredFlag[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
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
}
