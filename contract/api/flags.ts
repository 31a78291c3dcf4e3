import { z } from 'zod';
import { Category, Confidence, Decision, Evidence, Id, Index, Lang, Offset, Severity, Timestamp } from '../common.js';
import { QUEUE_SORTS, QUEUE_STATUSES } from '../queue.js';

// The review queue: flags with their current decision and verdict history, the filters, and verdicts.
//   GET  /api/flags?status=&sort=&after=&limit=&<filters>  → FlagPage
//   GET  /api/flags/:id                                     → FlagDetail
//   POST /api/flags/:id/verdicts VerdictBody                → 201 VerdictCreated | 409 VerdictConflict

/** The verdict that decides a flag now (the latest one not undone), or null. */
export const CurrentDecision = z.strictObject({
  verdict_id: Id,
  action: Decision,
  text: z.string().nullable(),
  reviewer_id: Id,
  reviewer: z.string(),
  at: Timestamp,
});
export type CurrentDecision = z.infer<typeof CurrentDecision>;

/** A stored flag as the API shows it: the row, the languages of both sides, excerpts, the current decision. */
export const FlagView = z.strictObject({
  id: Id,
  audit_id: Id.nullable(),
  document_id: Id,
  other_document_id: Id.nullable(),
  document_lang: Lang,
  other_document_lang: Lang.nullable(),
  detector: z.string().min(1),
  category: Category,
  severity: Severity,
  confidence: Confidence,
  raw_score: z.number().nullable(),
  /** sentence indexes in document_id, and in other_document_id */
  segments: z.array(Index),
  other_segments: z.array(Index),
  start: Offset.nullable(),
  end: Offset.nullable(),
  other_start: Offset.nullable(),
  other_end: Offset.nullable(),
  /** the flagged sentence(s), and the other side's, so a queue item reads on its own */
  excerpt: z.string(),
  excerpt_start: Offset.nullable(),
  other_excerpt: z.string().nullable(),
  message: z.string(),
  /** the figures behind the finding (shown under "Figures", not in the message) */
  evidence: Evidence,
  suggestion: z.string().nullable(),
  fingerprint: z.string(),
  /** bumped on every change and every verdict: a verdict names the version it answers */
  version: z.number().int().positive(),
  status: z.enum(['active', 'stale']),
  created_at: Timestamp,
  updated_at: Timestamp,
  decision: CurrentDecision.nullable(),
});
export type FlagView = z.infer<typeof FlagView>;

/** One verdict of a flag's append-only history. */
export const VerdictView = z.strictObject({
  id: Id,
  action: z.enum(['approve', 'reject', 'correct', 'undo']),
  text: z.string().nullable(),
  reviewer_id: Id,
  reviewer: z.string(),
  flag_version: z.number().int().positive(),
  undoes: Id.nullable(),
  undone_by: Id.nullable(),
  created_at: Timestamp,
});
export type VerdictView = z.infer<typeof VerdictView>;

/** One page of the queue in stable order; `next` is the `after` of the next page; `total` on the first page. */
export const FlagPage = z.strictObject({
  flags: z.array(FlagView),
  next: Id.nullable(),
  total: z.number().int().nonnegative().optional(),
});
export type FlagPage = z.infer<typeof FlagPage>;

export const FlagDetail = z.strictObject({ flag: FlagView, history: z.array(VerdictView) });
export type FlagDetail = z.infer<typeof FlagDetail>;

export const VerdictCreated = z.strictObject({ verdict: Id, flag: FlagView, history: z.array(VerdictView) });
export type VerdictCreated = z.infer<typeof VerdictCreated>;

/** 409: the verdict answered an older version (or undid nothing); the flag as it is now comes back. */
export const VerdictConflict = z.strictObject({
  error: z.string().min(1),
  flag: FlagView,
  history: z.array(VerdictView),
});

export const MAX_CORRECTION = 20_000;
export const VerdictBody = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['approve', 'reject', 'undo']), version: z.number().int().positive() }).strict(),
  z
    .object({
      action: z.literal('correct'),
      version: z.number().int().positive(),
      text: z.string().trim().min(1, 'a correction needs its corrected text').max(MAX_CORRECTION),
    })
    .strict(),
]);
export type VerdictBody = z.input<typeof VerdictBody>;

// The reviewer's filters as query parameters, shared by GET /api/flags and GET /api/stats.
const queryId = z.coerce.number().int().positive();
/** `?detector=a,b` and `?detector=a&detector=b` both mean a or b. */
export const queryList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50));
const queryConfidence = z.coerce.number().min(0).max(1);

export const FilterFields = {
  detector: queryList(z.string().max(100)).optional(),
  severity: queryList(Severity).optional(),
  category: queryList(z.string().max(100)).optional(),
  audit: queryId.optional(),
  document: queryId.optional(),
  min_confidence: queryConfidence.optional(),
  max_confidence: queryConfidence.optional(),
  q: z.string().max(200).optional(),
  assignee: queryId.optional(),
};
export const FilterQuery = z.object(FilterFields).strict();
export type FilterQuery = z.infer<typeof FilterQuery>;

// a verdict's action names the same status as its past tense (?status=approve means approved)
const ACTION_ALIAS: Readonly<Record<string, string>> = {
  approve: 'approved',
  reject: 'rejected',
  correct: 'corrected',
};

export const QueueQuery = z
  .object({
    status: z
      .preprocess(
        (v) => (typeof v === 'string' && Object.hasOwn(ACTION_ALIAS, v) ? ACTION_ALIAS[v] : v),
        z.enum(QUEUE_STATUSES),
      )
      .default('active'),
    ...FilterFields,
    sort: z.enum(QUEUE_SORTS).default('severity'),
    after: queryId.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type QueueQuery = z.infer<typeof QueueQuery>;
