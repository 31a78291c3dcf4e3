import type { Db } from './index.js';
import { stmt } from './stmt.js';
import { currentVerdictSql } from './queue-sql.js';
import { ftsQuery } from './search.js';
import type { AuditSummary } from './stats.js';
import type { DocumentSummary } from './documents.js';

// The audit and document lists with search, sort and paging (443 audits and 1,230 documents were one page).
// Search: the name, title or path contains the text, or a sentence matches it (FTS5). Sort keys are picked
// from fixed lists, never spliced from input.

export interface ListQuery<K extends string> {
  q?: string | undefined;
  sort: K;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export const AUDIT_SORTS = ['id', 'name', 'versions', 'flags', 'pending', 'created_at', 'assignee'] as const;
export const DOCUMENT_SORTS = ['id', 'title', 'lang', 'roles', 'sentences', 'flags', 'pending'] as const;

const likeText = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function searchTerms(q: string | undefined, nameSql: string, docIdsSql: string): { where: string; args: string[] } {
  const text = q?.trim();
  if (!text) return { where: '', args: [] };
  const fts = ftsQuery(text);
  const parts = [`${nameSql} LIKE ? ESCAPE '\\'`];
  const args = [likeText(text)];
  if (fts !== null) {
    parts.push(
      `EXISTS (SELECT 1 FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid WHERE segments_fts MATCH ? AND s.document_id IN (${docIdsSql}))`,
    );
    args.push(fts);
  }
  return { where: `WHERE (${parts.join(' OR ')})`, args };
}

export function listAuditPage(
  db: Db,
  q: ListQuery<(typeof AUDIT_SORTS)[number]>,
): { audits: (AuditSummary & { assignee: string | null })[]; total: number } {
  const s = searchTerms(q.q, 'a.name', 'SELECT v.document_id FROM audit_versions v WHERE v.audit_id = a.id');
  const base = `SELECT a.*,
       (SELECT COUNT(*) FROM audit_versions v WHERE v.audit_id = a.id) AS versions,
       (SELECT COUNT(*) FROM flags f WHERE f.audit_id = a.id AND f.status = 'active') AS flags,
       (SELECT COUNT(*) FROM flags f WHERE f.audit_id = a.id AND f.status = 'active' AND ${currentVerdictSql()} IS NULL) AS pending,
       (SELECT r.name FROM audit_assignments x JOIN reviewers r ON r.id = x.reviewer_id WHERE x.audit_id = a.id) AS assignee
     FROM audits a ${s.where}`;
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM audits a ${s.where}`).get(...s.args) as { n: number }).n;
  const audits = stmt(db, `SELECT * FROM (${base}) ORDER BY ${q.sort} ${q.order}, id ${q.order} LIMIT ? OFFSET ?`).all(
    ...s.args,
    q.limit,
    q.offset,
  ) as (AuditSummary & { assignee: string | null })[];
  return { audits, total };
}

export interface DocumentListItem extends DocumentSummary {
  /** the roles the document has in its audits, e.g. "source" or "source, spin" */
  roles: string | null;
  flags: number;
  pending: number;
}

export function listDocumentPage(
  db: Db,
  q: ListQuery<(typeof DOCUMENT_SORTS)[number]>,
): { documents: DocumentListItem[]; total: number } {
  const s = searchTerms(q.q, "(COALESCE(d.title, '') || ' ' || d.path)", 'd.id');
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM documents d ${s.where}`).get(...s.args) as { n: number }).n;
  const base = `SELECT d.id, d.path, d.url, d.title, d.format, d.encoding, d.lang, d.sha256, d.created_at,
       (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id) AS sentences,
       (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id AND s.boilerplate IS NOT NULL) AS boilerplate,
       (SELECT group_concat(DISTINCT v.role) FROM audit_versions v WHERE v.document_id = d.id) AS roles,
       (SELECT COUNT(*) FROM flags f WHERE f.document_id = d.id AND f.status = 'active') AS flags,
       (SELECT COUNT(*) FROM flags f WHERE f.document_id = d.id AND f.status = 'active' AND ${currentVerdictSql()} IS NULL) AS pending
     FROM documents d ${s.where}`;
  const documents = stmt(
    db,
    `SELECT * FROM (${base}) ORDER BY ${q.sort} ${q.order}, id ${q.order} LIMIT ? OFFSET ?`,
  ).all(...s.args, q.limit, q.offset) as DocumentListItem[];
  return { documents, total };
}
