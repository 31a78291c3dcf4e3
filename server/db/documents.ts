import { createHash } from 'node:crypto';
import { stmt } from './stmt.js';
import type { Db } from './index.js';
import { nowIso } from '../clock.js';
import type { Format, Lang, Segment, SegmentedDoc } from '../core/types.js';

export interface DocumentRow {
  id: number;
  path: string;
  url: string | null;
  title: string | null;
  format: Format;
  encoding: string;
  lang: Lang;
  text: string;
  sha256: string;
  created_at: string;
}

export interface DocumentSummary extends Omit<DocumentRow, 'text'> {
  sentences: number;
  boilerplate: number;
}

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Stores a document with its segments; the same text stored again returns the existing id. Call inside tx(). */
export function storeDocument(db: Db, doc: SegmentedDoc): { id: number; created: boolean } {
  const sha = textHash(doc.text);
  const existing = stmt(db, 'SELECT id FROM documents WHERE sha256 = ?').get(sha) as { id: number } | undefined;
  if (existing) return { id: existing.id, created: false };
  const info = stmt(
    db,
    `INSERT INTO documents (path, url, title, format, encoding, lang, text, sha256, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(doc.path, doc.url, doc.title, doc.format, doc.encoding, doc.lang, doc.text, sha, nowIso());
  const id = Number(info.lastInsertRowid);
  const ins = stmt(
    db,
    `INSERT INTO segments (document_id, idx, paragraph, start, end, text, lang, boilerplate)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of doc.segments)
    ins.run(id, s.index, s.paragraph, s.start, s.end, s.text, s.lang, s.boilerplate || null);
  return { id, created: true };
}

export function listDocuments(db: Db): DocumentSummary[] {
  return db
    .prepare(
      `SELECT d.id, d.path, d.url, d.title, d.format, d.encoding, d.lang, d.sha256, d.created_at,
              COUNT(s.id) AS sentences, COALESCE(SUM(s.boilerplate IS NOT NULL), 0) AS boilerplate
       FROM documents d LEFT JOIN segments s ON s.document_id = d.id
       GROUP BY d.id ORDER BY d.id`,
    )
    .all() as DocumentSummary[];
}

export function getDocument(db: Db, id: number): DocumentRow | undefined {
  return stmt(db, 'SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
}

/** What a view needs of a document, without its text. */
export interface DocumentMeta {
  id: number;
  lang: Lang;
  title: string | null;
  path: string;
}
export function documentMeta(db: Db, id: number): DocumentMeta | undefined {
  return stmt(db, 'SELECT id, lang, title, path FROM documents WHERE id = ?').get(id) as DocumentMeta | undefined;
}

/** A sentence as the segments table holds it (both backends). */
export interface SegmentRow {
  idx: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  lang: Lang;
  boilerplate: string | null;
}

export function getSegments(db: Db, documentId: number): Segment[] {
  const rows = stmt(
    db,
    'SELECT idx, paragraph, start, end, text, lang, boilerplate FROM segments WHERE document_id = ? ORDER BY idx',
  ).all(documentId) as SegmentRow[];
  return rows.map(segmentOfRow);
}

/** A stored sentence as the pipeline's Segment. */
export const segmentOfRow = (r: SegmentRow): Segment => ({
  index: r.idx,
  paragraph: r.paragraph,
  start: r.start,
  end: r.end,
  text: r.text,
  lang: r.lang,
  boilerplate: r.boilerplate ?? false,
});

/** A stored document and its sentences as the pipeline's SegmentedDoc (the language it was declared in is not kept). */
export const segmentedDocOfRow = (
  d: Pick<DocumentRow, 'path' | 'url' | 'title' | 'format' | 'encoding' | 'text' | 'lang'>,
  segments: Segment[],
): SegmentedDoc => ({
  path: d.path,
  url: d.url,
  title: d.title,
  format: d.format,
  encoding: d.encoding,
  declaredLang: null,
  text: d.text,
  lang: d.lang,
  segments,
});

export function countDocuments(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
}
