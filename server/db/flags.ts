import type { Db } from './index.js';
import type { Finding } from '../pipeline/types.js';

// STUB (the detection issue replaces the body, keeping this signature).

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

/**
 * Stores an audit's findings against what is stored: unchanged flags keep id, version and verdicts;
 * changed ones are updated with version + 1; flags that no longer fire become 'stale', never deleted.
 * Call inside tx().
 */
export function reconcileFlags(_db: Db, _auditId: number, _findings: FindingToStore[]): ReconcileResult {
  return { inserted: 0, updated: 0, unchanged: 0, staled: 0 };
}
