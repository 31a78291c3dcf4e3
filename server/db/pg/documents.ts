import { segmentOfRow, segmentedDocOfRow, textHash, type DocumentRow, type SegmentRow } from '../documents.js';
import { nowIso } from '../../clock.js';
import type { SegmentedDoc } from '../../pipeline/types.js';
import type { Queryable } from './connect.js';

// Documents and their sentences on PostgreSQL (db/documents.ts on SQLite): the same text stored twice is one
// document, also when two workers store it at the same moment (ON CONFLICT on its sha256 waits for the other).

/** Stores a document with its segments, or finds the one with the same text. Call inside a transaction. */
export async function storeDocumentPg(q: Queryable, doc: SegmentedDoc): Promise<{ id: number; created: boolean }> {
  const sha = textHash(doc.text);
  const ins = await q.query<{ id: number }>(
    `INSERT INTO documents (path, url, title, format, encoding, lang, text, sha256, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (sha256) DO NOTHING RETURNING id`,
    [doc.path, doc.url, doc.title, doc.format, doc.encoding, doc.lang, doc.text, sha, nowIso()],
  );
  if (!ins.rows.length) {
    const found = await q.query<{ id: number }>('SELECT id FROM documents WHERE sha256 = $1', [sha]);
    return { id: found.rows[0]!.id, created: false };
  }
  const id = ins.rows[0]!.id;
  const s = doc.segments;
  // one statement for all sentences: a round trip per sentence would cost more than the sentence
  await q.query(
    `INSERT INTO segments (document_id, idx, paragraph, start, "end", text, lang, boilerplate)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[])`,
    [
      id,
      s.map((x) => x.index),
      s.map((x) => x.paragraph),
      s.map((x) => x.start),
      s.map((x) => x.end),
      s.map((x) => x.text),
      s.map((x) => x.lang),
      s.map((x) => x.boilerplate || null),
    ],
  );
  return { id, created: true };
}

type DocRow = Omit<DocumentRow, 'sha256' | 'created_at'>;
type SegRow = SegmentRow & { document_id: number };

/** Documents with their segments, by id (as loadSegmentedDoc reads one from SQLite); a missing id throws. */
export async function loadSegmentedDocsPg(q: Queryable, ids: readonly number[]): Promise<Map<number, SegmentedDoc>> {
  const docs = (
    await q.query<DocRow>(
      'SELECT id, path, url, title, format, encoding, lang, text FROM documents WHERE id = ANY($1::bigint[])',
      [ids],
    )
  ).rows;
  const segs = (
    await q.query<SegRow>(
      'SELECT document_id, idx, paragraph, start, "end", text, lang, boilerplate FROM segments WHERE document_id = ANY($1::bigint[]) ORDER BY document_id, idx',
      [ids],
    )
  ).rows;
  const out = new Map<number, SegmentedDoc>();
  for (const d of docs) {
    out.set(d.id, segmentedDocOfRow(d, []));
  }
  for (const s of segs) {
    out.get(s.document_id)!.segments.push(segmentOfRow(s));
  }
  for (const id of ids) if (!out.has(id)) throw new Error(`document ${id} is missing`);
  return out;
}
