import type { Db } from './index.js';
import type { AuditReads } from './audit-reads.js';
import type { FlagFilter } from './filter.js';
import type { FlagView, QueueFilter, VerdictView } from './queue.js';
import type { VerdictInput } from './verdicts.js';
import type { Undone } from './undo.js';
import type { BulkInput } from './bulk.js';
import type { Reviewer, ReviewerRole, TokenCheck } from './reviewers.js';
import type { ReviewStats, AuditSummary } from './stats.js';
import type { ReviewerProgress } from './progress.js';
import type { DocumentListItem, ListQuery, AUDIT_SORTS, DOCUMENT_SORTS } from './listing.js';
import type { DocumentRow } from './documents.js';
import type { DocumentAlignment } from './alignments.js';
import type { RunProgress } from './batch.js';
import type { RunProgress as RunProgressView } from '../../contract/index.js';
import type { Segment } from '../core/types.js';

// What the review server asks of storage, as one async interface with two implementations: SQLite
// (sqlite-store.ts: today's synchronous repository functions, unchanged, each call its own transaction as
// before) and PostgreSQL (pg/store.ts). The API routers only `await store.…`; a verdict is stored once, a
// stale version is refused (VerdictError), undo and bulk decisions commit whole, on either backend.

export type AuditListQuery = ListQuery<(typeof AUDIT_SORTS)[number]>;
export type DocumentListQuery = ListQuery<(typeof DOCUMENT_SORTS)[number]>;

export interface DocumentDetailData {
  document: DocumentRow;
  segments: Segment[];
  alignments: DocumentAlignment[];
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** The database as named in messages: the file, or the URL without its password. */
  readonly name: string;
  /** The SQLite handle, for what only runs on SQLite (batch upload, role re-analysis, checkpoints); null on PostgreSQL. */
  readonly sqlite: Db | null;
  /** Changes with every committed write; the read cache compares it. Read it before reading what it guards. */
  changeStamp(): Promise<string>;
  close(): Promise<void>;

  checkToken(token: string, lifetimeDays: number): Promise<TokenCheck>;
  countReviewers(): Promise<number>;
  /** A new reviewer and their token; null when the name is taken (checked and inserted in one transaction). */
  createReviewer(name: string, role: ReviewerRole): Promise<{ reviewer: Reviewer; token: string } | null>;
  reviewerIdByName(name: string): Promise<number | undefined>;
  reviewerProgress(): Promise<ReviewerProgress[]>;
  /** Assigns an audit (reviewer null: unassigns); false when there is no such audit. */
  assignAudit(auditId: number, reviewerId: number | null, by: number): Promise<boolean>;

  listAuditPage(q: AuditListQuery): Promise<{ audits: (AuditSummary & { assignee: string | null })[]; total: number }>;
  listDocumentPage(q: DocumentListQuery): Promise<{ documents: DocumentListItem[]; total: number }>;
  documentDetail(id: number): Promise<DocumentDetailData | undefined>;
  auditExists(id: number): Promise<boolean>;
  deleteAudit(id: number): Promise<boolean>;
  /** Everything the three-way view and the exports read of one audit; undefined when there is no such audit. */
  auditReads(auditId: number): Promise<AuditReads | undefined>;

  listFlags(q: QueueFilter): Promise<{ flags: FlagView[]; next: number | null; total?: number }>;
  getFlag(id: number): Promise<FlagView | undefined>;
  flagExists(id: number): Promise<boolean>;
  verdictHistory(flagId: number): Promise<VerdictView[]>;
  /** Throws VerdictError (not found, stale version, stale flag, not theirs to undo); nothing is stored then. */
  addVerdict(v: VerdictInput): Promise<{ verdictId: number; flag: FlagView }>;
  undoLast(reviewer: Reviewer): Promise<Undone | null>;
  bulkCounts(flagId: number): Promise<{ identical: { audit: number; batch: number | null }; detector: number }>;
  bulkVerdict(b: BulkInput): Promise<{ bulkId: number; flagIds: number[] }>;
  reviewStats(filter: FlagFilter): Promise<ReviewStats>;
  /** The newest batch run; on PostgreSQL a distributed run also says its phase and how far it got. */
  latestRun(): Promise<RunProgress | RunProgressView | null>;
}
