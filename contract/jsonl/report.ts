import { z } from 'zod';
import { Id, Role } from '../common.js';
import { Refusal } from '../api/admin.js';

// `tapat audit --report FILE.json`: the batch report, one JSON document (not JSONL); evaluation scripts read its
// stories (audit id, documents with path and role).

const FlagCounts = z.strictObject({
  total: z.number().int().nonnegative(),
  byCategory: z.record(z.string(), z.number().int().positive()),
  bySeverity: z.record(z.string(), z.number().int().positive()),
});

export const DocumentReport = z.strictObject({
  document: Id,
  path: z.string().min(1),
  role: Role,
  lang: z.string(),
  /** sentences that are not boilerplate */
  sentences: z.number().int().nonnegative(),
  /** share of its sentences linked to a pivot sentence (for the pivot: linked to any other version) */
  coverage: z.number().min(0).max(1).nullable(),
  /** share of its sentences carrying a style/spin flag */
  spinScore: z.number().min(0).max(1),
  flags: FlagCounts,
});

export const StoryReport = z.strictObject({
  audit: Id,
  name: z.string(),
  pivot: Id.nullable(),
  documents: z.array(DocumentReport),
  flags: FlagCounts,
});

export const BatchReport = z.strictObject({
  run: Id.nullable(),
  documents: z.number().int().nonnegative(),
  stories: z.array(StoryReport),
  refused: z.array(Refusal),
  flags: FlagCounts,
  /** the optional model layer's figures (calls, cache hits, skips), when it ran */
  llm: z.unknown().optional(),
});
export type BatchReport = z.infer<typeof BatchReport>;
