import { z } from 'zod';
import { Decision, Id } from '../common.js';
import { FlagView } from './flags.js';

// Decisions that are not about one flag on screen, and the counts around the queue.
//   POST /api/verdicts/undo-last                 → UndoLast | 409 when nothing is left
//   GET  /api/verdicts/bulk?flag=ID              → BulkCounts: what a bulk decision would decide
//   POST /api/verdicts/bulk BulkBody             → 201 BulkCreated
//   GET  /api/stats?<filters>                    → ReviewStats
//   GET  /api/progress                           → Progress

export const UndoLast = z.strictObject({ undone: z.array(Id).min(1), bulk: Id.nullable(), flag: FlagView });
export type UndoLast = z.infer<typeof UndoLast>;

export const BulkFlagQuery = z.object({ flag: z.coerce.number().int().positive() }).strict();
export const BulkCounts = z.strictObject({
  identical: z.strictObject({
    audit: z.number().int().nonnegative(),
    batch: z.number().int().nonnegative().nullable(),
  }),
  detector: z.number().int().nonnegative(),
});
export type BulkCounts = z.infer<typeof BulkCounts>;

export const BulkBody = z
  .object({
    flag: z.number().int().positive(),
    match: z.enum(['identical', 'detector']),
    scope: z.enum(['audit', 'batch']).default('audit'),
    action: Decision,
    text: z.string().trim().min(1).max(20_000).optional(),
  })
  .strict()
  .refine((b) => (b.action === 'correct') === (b.text !== undefined), {
    message: 'a correction, and only a correction, carries text',
  });
export type BulkBody = z.input<typeof BulkBody>;
export const BulkCreated = z.strictObject({ bulk: Id, flags: z.array(Id) });
export type BulkCreated = z.infer<typeof BulkCreated>;

const count = z.number().int().nonnegative();
export const DetectorStats = z.strictObject({
  detector: z.string(),
  flags: count,
  pending: count,
  approved: count,
  corrected: count,
  rejected: count,
  decided: count,
  /** null until something was decided */
  precision: z.number().min(0).max(1).nullable(),
});
export type DetectorStats = z.infer<typeof DetectorStats>;
export const ReviewStats = z.strictObject({
  flags: count,
  active: count,
  stale: count,
  pending: count,
  decided: count,
  detectors: z.array(DetectorStats),
});
export type ReviewStats = z.infer<typeof ReviewStats>;

export const ReviewerProgress = z.strictObject({
  id: Id,
  name: z.string(),
  role: z.enum(['reviewer', 'admin']),
  /** verdicts given since midnight UTC that still decide their flag */
  decided_today: count,
  decided: count,
  assigned_audits: count,
  /** pending flags in the audits assigned to the reviewer */
  pending_assigned: count,
});
export type ReviewerProgress = z.infer<typeof ReviewerProgress>;
export const Progress = z.strictObject({ reviewers: z.array(ReviewerProgress) });
export type Progress = z.infer<typeof Progress>;
