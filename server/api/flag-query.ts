import type { FlagFilter } from '../db/filter.js';
import type { FilterQuery } from '../../contract/index.js';

// The reviewer's filters as query parameters (contract/api/flags.ts FilterFields), shared by GET /api/flags and
// GET /api/stats, as the storage layer's filter.

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
