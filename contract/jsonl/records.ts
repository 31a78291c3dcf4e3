import { z } from 'zod';
import { Category, Confidence, Evidence, Index, Lang, Offset, Severity, Span } from '../common.js';

// The JSONL records the commands print (DESIGN.md "Command line — a stable contract"): evaluation
// scripts parse them, so a field is added, never renamed or dropped. Key order is the order printed.

/** `tapat align --jsonl`: one bead, in order; every sentence of both inputs appears exactly once; [] is a null link. */
export const AlignRecord = z.strictObject({ src: z.array(Index), tgt: z.array(Index), score: z.number() });
export type AlignRecord = z.infer<typeof AlignRecord>;

/** `tapat check --jsonl`: one flag; src/tgt are sentence indexes of each input, span their character spans. */
export const CheckRecord = z.strictObject({
  src: z.array(Index),
  tgt: z.array(Index),
  detector: z.string().min(1),
  category: Category,
  severity: Severity,
  confidence: Confidence,
  message: z.string(),
  evidence: Evidence,
  suggestion: z.string().nullable(),
  /** character spans into each input (JavaScript string indexes), null when the flag has none there */
  span: z.strictObject({ src: Span.nullable(), tgt: Span.nullable() }),
});
export type CheckRecord = z.infer<typeof CheckRecord>;

/**
 * `tapat audit --jsonl`: one flag per line as in check, plus the document it is in and its character offsets
 * (built by server/core/flag-record.ts, as check's; src is the story's pivot).
 */
export const AuditRecord = CheckRecord.extend({
  doc: z.string().min(1),
  start: Offset.nullable(),
  end: Offset.nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** `tapat judge --jsonl`: the model judge's new flags, as audit prints flags. */
export const JudgeRecord = AuditRecord;
export type JudgeRecord = AuditRecord;

/** `tapat reviewer list --json`: one reviewer with the state of their token (never the token). */
export const ReviewerRecord = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  role: z.enum(['reviewer', 'admin']),
  createdAt: z.string().min(1),
  tokenIssuedAt: z.string().min(1),
  tokenExpiresAt: z.string().min(1),
  status: z.enum(['active', 'expired', 'revoked']),
  revokedAt: z.string().min(1).nullable(),
});
export type ReviewerRecord = z.infer<typeof ReviewerRecord>;

/** `tapat spin --jsonl`: one finding; offsets index the file decoded as UTF-8, BOM stripped. */
export const SpinRecord = z.strictObject({
  start: Offset,
  end: Offset,
  text: z.string().min(1),
  kind: z.enum(['spin', 'meaning']),
  /** the original words (null: none to offer) */
  suggestion: z.string().nullable(),
  confidence: Confidence,
  detector: z.string().min(1),
  /** the record's path when the input is JSONL with several records */
  doc: z.string().min(1).optional(),
});
export type SpinRecord = z.infer<typeof SpinRecord>;

/** `tapat segment --jsonl`: one sentence as ingest and segmentation see it. */
export const SegmentRecord = z.strictObject({
  /** the record's path when the input is JSONL with several records */
  doc: z.string().min(1).optional(),
  start: Offset,
  end: Offset,
  text: z.string(),
  paragraph: Index,
  lang: Lang,
  boilerplate: z.union([z.literal(false), z.string().min(1)]),
});
export type SegmentRecord = z.infer<typeof SegmentRecord>;

/** `tapat detectors --jsonl`: one detector of the registry with its effective thresholds. */
export const DetectorRecord = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  scope: z.enum(['pair', 'document', 'spin', 'story']),
  category: Category,
  severity: Severity,
  description: z.string().min(1),
  thresholds: z.record(z.string(), z.number()),
  /** keys whose value comes from tapat.config.json rather than the detector's default */
  configured: z.array(z.string()),
});
export type DetectorRecord = z.infer<typeof DetectorRecord>;

/** `tapat export --format jsonl` (and the API's): one reviewed pair with its flags and their current verdicts. */
export const ExportPairRecord = z.strictObject({
  /** "b<ord>" in the alignment */
  pair: z.string().min(1),
  src: z.array(Index),
  tgt: z.array(Index),
  source: z.string(),
  /** with accepted corrections applied */
  target: z.string(),
  state: z.enum(['initial', 'translated', 'reviewed', 'final']),
  flags: z.array(
    z.strictObject({
      id: z.number().int().positive(),
      detector: z.string().min(1),
      category: Category,
      severity: Severity,
      message: z.string(),
      suggestion: z.string().nullable(),
      verdict: z
        .strictObject({ action: z.enum(['approve', 'reject', 'correct']), text: z.string().nullable() })
        .nullable(),
    }),
  ),
});
export type ExportPairRecord = z.infer<typeof ExportPairRecord>;
