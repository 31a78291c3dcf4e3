import { z } from 'zod';
import { Id, Index, Lang, Offset, Role, ROLES, Timestamp } from '../common.js';
import { FlagView } from './flags.js';

// Audits (stories) and documents as the review app lists and shows them.
//   GET    /api/audits?q=&sort=&order=&offset=&limit=   → AuditList
//   GET    /api/audits/:id                              → AuditView (aligned rows with flags)
//   POST   /api/audits/:id/roles RolesBody              → RoleChange
//   POST   /api/audits/:id/assignee AssigneeBody        → Assigned
//   DELETE /api/audits/:id                              → 204
//   GET    /api/documents?q=&sort=&order=&offset=&limit= → DocumentList
//   GET    /api/documents/:id                           → DocumentDetail

/** A sentence as segmentation saw it. */
export const Segment = z.strictObject({
  index: Index,
  paragraph: Index,
  start: Offset,
  end: Offset,
  text: z.string(),
  lang: Lang,
  /** false, or why the line is scrape junk */
  boilerplate: z.union([z.literal(false), z.string().min(1)]),
});
export type Segment = z.infer<typeof Segment>;

export const AuditRow = z.strictObject({
  id: Id,
  name: z.string(),
  pivot_document_id: Id.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  /** the batch's key for the story (its documents); null for an audit made otherwise */
  story_key: z.string().nullable(),
});

export const AuditSummary = AuditRow.extend({
  versions: z.number().int().nonnegative(),
  /** active flags */
  flags: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  /** who reviews this audit; null: anyone */
  assignee: z.string().nullable(),
});
export type AuditSummary = z.infer<typeof AuditSummary>;
export const AuditList = z.strictObject({ audits: z.array(AuditSummary), total: z.number().int().nonnegative() });
export type AuditList = z.infer<typeof AuditList>;

export const ViewVersion = z.strictObject({
  document_id: Id,
  role: Role,
  lang: Lang,
  title: z.string().nullable(),
  path: z.string(),
  pivot: z.boolean(),
  /** false when no alignment to the pivot is stored: its sentences are listed after the aligned rows */
  aligned: z.boolean(),
});
export type ViewVersion = z.infer<typeof ViewVersion>;

export const Cell = z.strictObject({
  segments: z.array(Segment),
  /** this pivot sentence was aligned together with the row above (a 2-1 or 2-2 bead) */
  continued: z.literal(true).optional(),
  flags: z.array(Id),
});
export type Cell = z.infer<typeof Cell>;

export const AuditView = z.strictObject({
  audit: AuditRow,
  versions: z.array(ViewVersion),
  /** one row per pivot sentence; cells keyed by document id */
  rows: z.array(z.strictObject({ pivot: Index.nullable(), cells: z.record(z.string().regex(/^\d+$/), Cell) })),
  flags: z.array(FlagView),
  /** flags that name no sentence of any version shown */
  unplaced: z.array(Id),
});
export type AuditView = z.infer<typeof AuditView>;

// POST /api/audits/:id/roles {roles: {DOCUMENT_ID: source|translation|spin|unknown}, apply: false|true}
// apply false: what the change would do (nothing is stored); apply true: the story re-analysed with those roles.
export const RolesBody = z
  .object({
    roles: z.record(z.string().regex(/^\d+$/, 'keys are document ids'), z.enum(ROLES)),
    apply: z.boolean().default(false),
  })
  .strict();
export type RolesBody = z.input<typeof RolesBody>;

const VersionRole = z.strictObject({ document_id: Id, role: Role });
export const RoleChange = z.strictObject({
  before: z.array(VersionRole),
  after: z.array(VersionRole),
  pivot: z.strictObject({ before: Id.nullable(), after: Id }),
  /** flags that would appear, and that would go stale (of these, how many carry a verdict kept as history) */
  added: z.number().int().nonnegative(),
  staled: z.number().int().nonnegative(),
  staledDecided: z.number().int().nonnegative(),
  /** spin findings only, per document */
  spinFlags: z.array(
    z.strictObject({ document_id: Id, before: z.number().int().nonnegative(), after: z.number().int().nonnegative() }),
  ),
  applied: z.boolean(),
});
export type RoleChange = z.infer<typeof RoleChange>;

export const AssigneeBody = z.object({ reviewer: z.string().min(1).max(64).nullable() }).strict();
export const Assigned = z.strictObject({ audit: Id, reviewer: z.string().nullable() });
export type Assigned = z.infer<typeof Assigned>;

export const DocumentSummary = z.strictObject({
  id: Id,
  path: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  format: z.enum(['txt', 'md', 'html', 'jsonl']),
  encoding: z.string(),
  lang: Lang,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  created_at: Timestamp,
  sentences: z.number().int().nonnegative(),
  boilerplate: z.number().int().nonnegative(),
});
export const DocumentListItem = DocumentSummary.extend({
  /** the roles the document has in its audits, e.g. "source" or "source,spin" */
  roles: z.string().nullable(),
  flags: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
});
export type DocumentListItem = z.infer<typeof DocumentListItem>;
export const DocumentList = z.strictObject({
  documents: z.array(DocumentListItem),
  total: z.number().int().nonnegative(),
});
export type DocumentList = z.infer<typeof DocumentList>;

export const DocumentRow = DocumentSummary.omit({ sentences: true, boilerplate: true }).extend({ text: z.string() });
export const DocumentAlignment = z.strictObject({
  auditId: Id,
  auditName: z.string(),
  role: z.string(),
  otherDocumentId: Id,
  otherName: z.string(),
  /** for each sentence of this document (by index), the other document's sentences it is linked to */
  links: z.record(z.string().regex(/^\d+$/), z.array(z.strictObject({ idx: Index, text: z.string() }))),
});
export type DocumentAlignment = z.infer<typeof DocumentAlignment>;
export const DocumentDetail = z.strictObject({
  document: DocumentRow,
  segments: z.array(Segment),
  alignments: z.array(DocumentAlignment),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;
