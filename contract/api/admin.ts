import { z } from 'zod';
import { Id, Timestamp } from '../common.js';

// Who is signed in, reviewers, batches, exports, health.
//   GET  /api/health                          → Health (the one route without a token)
//   GET  /api/me                              → Me
//   POST /api/reviewers ReviewerBody          → 201 ReviewerCreated (admins; the token appears once)
//   POST /api/batches (JSONL body, InputRecord per line) → 201 BatchCreated (admins)
//   GET  /api/batches/latest                  → LatestBatch
//   GET  /api/audits/:id/export?ExportQuery   → the file (text, not JSON)

export const Health = z.strictObject({ ok: z.literal(true) });
export type Health = z.infer<typeof Health>;

export const Reviewer = z.strictObject({ id: Id, name: z.string().min(1), role: z.enum(['reviewer', 'admin']) });
export type Reviewer = z.infer<typeof Reviewer>;
export const Me = z.strictObject({ reviewer: Reviewer });
export type Me = z.infer<typeof Me>;

export const ReviewerBody = z
  .object({
    name: z.string().regex(/^[\p{L}\p{N} ._@-]{1,64}$/u, '1-64 letters, digits, space . _ @ -'),
    role: z.enum(['reviewer', 'admin']).default('reviewer'),
  })
  .strict();
export const ReviewerCreated = z.strictObject({ reviewer: Reviewer, token: z.string().min(20) });
export type ReviewerCreated = z.infer<typeof ReviewerCreated>;

/** What a batch refused, and why (the rest of the batch went on). */
export const Refusal = z.strictObject({ item: z.string(), message: z.string() });
export const BatchCreated = z.strictObject({
  run: Id,
  documents: z.number().int().nonnegative(),
  /** the audits (stories) of the batch, one id per story */
  audits: z.array(Id),
  refused: z.array(Refusal),
});
export type BatchCreated = z.infer<typeof BatchCreated>;
export const RunProgress = z.strictObject({
  id: Id,
  status: z.enum(['running', 'done', 'failed']),
  started_at: Timestamp,
  finished_at: Timestamp.nullable(),
  /** items committed so far (documents stored or refused) */
  items: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  audits: z.number().int().nonnegative(),
  /** a run spread over `tapat worker` processes (PostgreSQL): its phase and how far each phase got */
  distributed: z
    .strictObject({
      phase: z.enum(['reading', 'grouping', 'auditing', 'done']),
      /** input items recorded by --enqueue, and those read so far */
      inputs: z.number().int().nonnegative(),
      read: z.number().int().nonnegative(),
      /** stories found by grouping, and those audited so far */
      stories: z.number().int().nonnegative(),
      audited: z.number().int().nonnegative(),
      /** the line `tapat batch status` and `tapat worker` print */
      line: z.string(),
    })
    .optional(),
});
export type RunProgress = z.infer<typeof RunProgress>;
export const LatestBatch = z.strictObject({ run: RunProgress.nullable() });
export type LatestBatch = z.infer<typeof LatestBatch>;

export const EXPORT_FORMATS = ['txt', 'md', 'html', 'tmx', 'xliff', 'csv', 'jsonl'] as const;
export const ExportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    document: z.coerce.number().int().positive().optional(),
    dropBoilerplate: z.enum(['0', '1', 'true', 'false']).optional(),
  })
  .strict();
