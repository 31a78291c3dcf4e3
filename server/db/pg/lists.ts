import { currentVerdictSql } from '../queue-sql.js';
import type { AuditSummary, DetectorStats, ReviewStats } from '../stats.js';
import type { FlagFilter } from '../filter.js';
import type { DocumentListItem } from '../listing.js';
import type { AuditListQuery, DocumentListQuery } from '../store.js';
import type { Queryable } from './connect.js';
import { row, rows } from './sql.js';
import { SEGMENT_MATCH, tsQuery } from './search.js';
import { filterSqlPg } from './queue.js';

// The audit and document lists and the review figures on PostgreSQL (listing.ts, stats.ts on SQLite): the same
// columns, search (name/title/path contains the text, or a sentence matches it), sorts and pages. SQLite sorts
// NULL first ascending; PostgreSQL is told to do the same.

const likeText = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function searchTerms(q: string | undefined, nameSql: string, docIdsSql: string): { where: string; args: string[] } {
  const text = q?.trim();
  if (!text) return { where: '', args: [] };
  const ts = tsQuery(text);
  // SQLite's LIKE ignores ASCII case; ILIKE is its PostgreSQL twin
  const parts = [`${nameSql} ILIKE ? ESCAPE '\\'`];
  const args = [likeText(text)];
  if (ts !== null) {
    parts.push(`EXISTS (SELECT 1 FROM segments s WHERE ${SEGMENT_MATCH} AND s.document_id IN (${docIdsSql}))`);
    args.push(ts);
  }
  return { where: `WHERE (${parts.join(' OR ')})`, args };
}

const orderBy = (sort: string, order: 'asc' | 'desc'): string =>
  `ORDER BY ${sort} ${order} NULLS ${order === 'asc' ? 'FIRST' : 'LAST'}, id ${order}`;
/** SQLite's LIMIT -1 (no limit) is LIMIT NULL here. */
const limitOf = (n: number): number | null => (n < 0 ? null : n);

export async function listAuditPagePg(
  q: Queryable,
  l: AuditListQuery,
): Promise<{ audits: (AuditSummary & { assignee: string | null })[]; total: number }> {
  const s = searchTerms(l.q, 'a.name', 'SELECT v.document_id FROM audit_versions v WHERE v.audit_id = a.id');
  const base = `SELECT a.*,
       (SELECT COUNT(*) FROM audit_versions v WHERE v.audit_id = a.id) AS versions,
       (SELECT COUNT(*) FROM flags f WHERE f.audit_id = a.id AND f.status = 'active') AS flags,
       (SELECT COUNT(*) FROM flags f WHERE f.audit_id = a.id AND f.status = 'active' AND ${currentVerdictSql()} IS NULL) AS pending,
       (SELECT r.name FROM audit_assignments x JOIN reviewers r ON r.id = x.reviewer_id WHERE x.audit_id = a.id) AS assignee
     FROM audits a ${s.where}`;
  const total = (await row<{ n: number }>(q, `SELECT COUNT(*) AS n FROM audits a ${s.where}`, s.args))!.n;
  const audits = await rows<AuditSummary & { assignee: string | null }>(
    q,
    `SELECT * FROM (${base}) t ${orderBy(l.sort, l.order)} LIMIT ? OFFSET ?`,
    [...s.args, limitOf(l.limit), l.offset],
  );
  return { audits, total };
}

export async function listDocumentPagePg(
  q: Queryable,
  l: DocumentListQuery,
): Promise<{ documents: DocumentListItem[]; total: number }> {
  const s = searchTerms(l.q, "(COALESCE(d.title, '') || ' ' || d.path)", 'd.id');
  const total = (await row<{ n: number }>(q, `SELECT COUNT(*) AS n FROM documents d ${s.where}`, s.args))!.n;
  const base = `SELECT d.id, d.path, d.url, d.title, d.format, d.encoding, d.lang, d.sha256, d.created_at,
       (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id) AS sentences,
       (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id AND s.boilerplate IS NOT NULL) AS boilerplate,
       (SELECT string_agg(DISTINCT v.role, ',') FROM audit_versions v WHERE v.document_id = d.id) AS roles,
       (SELECT COUNT(*) FROM flags f WHERE f.document_id = d.id AND f.status = 'active') AS flags,
       (SELECT COUNT(*) FROM flags f WHERE f.document_id = d.id AND f.status = 'active' AND ${currentVerdictSql()} IS NULL) AS pending
     FROM documents d ${s.where}`;
  const documents = await rows<DocumentListItem>(
    q,
    `SELECT * FROM (${base}) t ${orderBy(l.sort, l.order)} LIMIT ? OFFSET ?`,
    [...s.args, limitOf(l.limit), l.offset],
  );
  return { documents, total };
}

export async function reviewStatsPg(q: Queryable, filter: FlagFilter): Promise<ReviewStats> {
  const { where, args } = filterSqlPg(filter);
  const raw = await rows<Omit<DetectorStats, 'decided' | 'precision'> & { active: number }>(
    q,
    `SELECT f.detector AS detector, COUNT(*) AS flags,
            COUNT(*) FILTER (WHERE f.status = 'active' AND c.id IS NULL) AS pending,
            COUNT(*) FILTER (WHERE f.status = 'active') AS active,
            COUNT(*) FILTER (WHERE c.action = 'approve') AS approved,
            COUNT(*) FILTER (WHERE c.action = 'correct') AS corrected,
            COUNT(*) FILTER (WHERE c.action = 'reject') AS rejected
     FROM flags f LEFT JOIN verdicts c ON c.id = ${currentVerdictSql()}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     GROUP BY f.detector ORDER BY f.detector`,
    args,
  );
  const detectors: DetectorStats[] = raw.map(({ active: _active, ...r }) => {
    const decided = r.approved + r.corrected + r.rejected;
    return { ...r, decided, precision: decided === 0 ? null : (r.approved + r.corrected) / decided };
  });
  const sum = (k: 'flags' | 'pending' | 'decided'): number => detectors.reduce((a, d) => a + d[k], 0);
  const active = raw.reduce((a, r) => a + r.active, 0);
  return {
    flags: sum('flags'),
    active,
    stale: sum('flags') - active,
    pending: sum('pending'),
    decided: sum('decided'),
    detectors,
  };
}
