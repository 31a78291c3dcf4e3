import { z } from 'zod';
import type { FlagFilter } from '../db/filter.js';

// The reviewer's filters as query parameters, shared by GET /api/flags and GET /api/stats.

const id = z.coerce.number().int().positive();
/** `?detector=a,b` and `?detector=a&detector=b` both mean a or b. */
export const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));
const confidence = z.coerce.number().min(0).max(1);

export const FilterFields = {
  detector: list(z.string().max(100)).optional(),
  severity: list(z.enum(['minor', 'major', 'critical'])).optional(),
  category: list(z.string().max(100)).optional(),
  audit: id.optional(),
  document: id.optional(),
  min_confidence: confidence.optional(),
  max_confidence: confidence.optional(),
  q: z.string().max(200).optional(),
  assignee: id.optional(),
};

type FilterQuery = z.infer<ReturnType<typeof z.object<typeof FilterFields>>>;

export const toFilter = (q: FilterQuery): FlagFilter => ({
  detector: q.detector,
  severity: q.severity,
  category: q.category,
  audit: q.audit,
  document: q.document,
  minConfidence: q.min_confidence,
  maxConfidence: q.max_confidence,
  q: q.q,
  assignee: q.assignee,
});
