// The review queue's statuses and orders, in one list each: the API's query schema (api/flags.ts) and the SQL
// that serves them (server/db/filter.ts, queue.ts) read these. No zod here, so storage code can import them
// without loading it.

export const QUEUE_STATUSES = [
  'pending',
  'decided',
  'approved',
  'rejected',
  'corrected',
  'active',
  'stale',
  'all',
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * The orders a reviewer may pick. Each is a list of ascending keys ending in a unique one (a descending key is
 * negated), so "after flag X" is one row-value comparison and a page is never repeated or skipped
 * (server/db/queue.ts has their SQL).
 */
export const QUEUE_SORTS = ['severity', 'least-confident', 'most-confident', 'newest', 'document'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
