import type { Db } from './index.js';
import { activeFlags, currentVerdicts, getAudit, type AuditRow, type AuditVersion } from './audits.js';
import { getAlignment, type StoredAlignment } from './alignments.js';
import { documentMeta, getDocument, getSegments, type DocumentMeta, type DocumentRow } from './documents.js';
import { flagsOfAudit, type FlagView } from './queue.js';
import type { CurrentVerdict, StoredFlag } from './audits.js';
import type { Segment } from '../core/types.js';
import { activeFlagRowsById, type FlagRow } from './flags.js';

// What the three-way view and the exports read of one audit, as synchronous calls. On SQLite they are the
// repository functions themselves; on PostgreSQL (pg/audit-reads.ts) the audit's rows are fetched first, in a
// few queries, and served from memory — so the view and export code is one code for both backends.

export interface AuditReads {
  getAudit(id: number): (AuditRow & { versions: AuditVersion[] }) | undefined;
  documentMeta(id: number): DocumentMeta | undefined;
  getDocument(id: number): DocumentRow | undefined;
  getSegments(documentId: number): Segment[];
  getAlignment(auditId: number, srcDocId: number, tgtDocId: number): StoredAlignment | undefined;
  flagsOfAudit(auditId: number): FlagView[];
  activeFlags(auditId: number): StoredFlag[];
  currentVerdicts(auditId: number): Map<number, CurrentVerdict>;
  /** The audit's active flags as stored, in id order (what `judge` re-places). */
  activeFlagRows(auditId: number): FlagRow[];
}

export const sqliteAuditReads = (db: Db): AuditReads => ({
  getAudit: (id) => getAudit(db, id),
  documentMeta: (id) => documentMeta(db, id),
  getDocument: (id) => getDocument(db, id),
  getSegments: (id) => getSegments(db, id),
  getAlignment: (a, s, t) => getAlignment(db, a, s, t),
  flagsOfAudit: (id) => flagsOfAudit(db, id),
  activeFlags: (id) => activeFlags(db, id),
  currentVerdicts: (id) => currentVerdicts(db, id),
  activeFlagRows: (id) => activeFlagRowsById(db, id),
});

/** A SQLite handle or the reads of one audit: what the view and export functions accept. */
export type AuditSource = Db | AuditReads;
export const readsOf = (s: AuditSource): AuditReads => ('prepare' in s ? sqliteAuditReads(s) : s);
