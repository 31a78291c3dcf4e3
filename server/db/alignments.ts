import { stmt } from './stmt.js';
import type { Db } from './index.js';
import { fromJson, toJson, tx } from './index.js';
import { nowIso } from '../clock.js';
import type { Bead } from '../core/types.js';

// Alignments of one ordered pair of versions in an audit, with their beads in order.

export interface StoredAlignment {
  id: number;
  auditId: number;
  srcDocumentId: number;
  tgtDocumentId: number;
  method: string;
  createdAt: string;
  beads: Bead[];
}

/** Stores the alignment of src→tgt in an audit, replacing any earlier one of that pair, all in one transaction. */
export function storeAlignment(
  db: Db,
  auditId: number,
  srcDocId: number,
  tgtDocId: number,
  beads: Bead[],
  method: string,
): number {
  return tx(db, () => {
    stmt(db, 'DELETE FROM alignments WHERE audit_id = ? AND src_document_id = ? AND tgt_document_id = ?').run(
      auditId,
      srcDocId,
      tgtDocId,
    );
    const id = Number(
      stmt(
        db,
        'INSERT INTO alignments (audit_id, src_document_id, tgt_document_id, method, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(auditId, srcDocId, tgtDocId, method, nowIso()).lastInsertRowid,
    );
    const ins = stmt(db, 'INSERT INTO beads (alignment_id, ord, src, tgt, score) VALUES (?, ?, ?, ?, ?)');
    beads.forEach((b, ord) => ins.run(id, ord, toJson(b.src), toJson(b.tgt), b.score));
    return id;
  });
}

interface AlignmentRow {
  id: number;
  audit_id: number;
  src_document_id: number;
  tgt_document_id: number;
  method: string;
  created_at: string;
}

function withBeads(db: Db, r: AlignmentRow): StoredAlignment {
  const beads = (
    stmt(db, 'SELECT src, tgt, score FROM beads WHERE alignment_id = ? ORDER BY ord').all(r.id) as {
      src: string;
      tgt: string;
      score: number;
    }[]
  ).map((b) => ({ src: fromJson<number[]>(b.src, []), tgt: fromJson<number[]>(b.tgt, []), score: b.score }));
  return {
    id: r.id,
    auditId: r.audit_id,
    srcDocumentId: r.src_document_id,
    tgtDocumentId: r.tgt_document_id,
    method: r.method,
    createdAt: r.created_at,
    beads,
  };
}

export function getAlignment(db: Db, auditId: number, srcDocId: number, tgtDocId: number): StoredAlignment | undefined {
  // a prepared statement kept per connection: the review page reads one alignment per version
  const r = stmt(db, 'SELECT * FROM alignments WHERE audit_id = ? AND src_document_id = ? AND tgt_document_id = ?').get(
    auditId,
    srcDocId,
    tgtDocId,
  ) as AlignmentRow | undefined;
  return r ? withBeads(db, r) : undefined;
}

/** Every alignment of an audit (e.g. each version against the pivot), in creation order. */
export function listAlignments(db: Db, auditId: number): StoredAlignment[] {
  const rows = db.prepare('SELECT * FROM alignments WHERE audit_id = ? ORDER BY id').all(auditId) as AlignmentRow[];
  return rows.map((r) => withBeads(db, r));
}

export interface DocumentAlignment {
  auditId: number;
  auditName: string;
  role: string;
  otherDocumentId: number;
  otherName: string;
  /** For each sentence of this document (by idx), the other document's sentences it is linked to. */
  links: Record<number, { idx: number; text: string }[]>;
}

/** Every stored alignment this document takes part in (either side), seen from this document. */
export function documentAlignments(db: Db, documentId: number): DocumentAlignment[] {
  const rows = db
    .prepare(
      `SELECT al.id, al.audit_id, a.name AS audit_name, al.src_document_id, al.tgt_document_id,
              (SELECT role FROM audit_versions v WHERE v.audit_id = al.audit_id AND v.document_id = ?) AS role
       FROM alignments al JOIN audits a ON a.id = al.audit_id
       WHERE al.src_document_id = ? OR al.tgt_document_id = ? ORDER BY al.audit_id, al.id`,
    )
    .all(documentId, documentId, documentId) as {
    id: number;
    audit_id: number;
    audit_name: string;
    src_document_id: number;
    tgt_document_id: number;
    role: string | null;
  }[];
  const beadsOf = db.prepare('SELECT src, tgt FROM beads WHERE alignment_id = ? ORDER BY ord');
  const textOf = db.prepare('SELECT idx, text FROM segments WHERE document_id = ?');
  const nameOf = db.prepare('SELECT COALESCE(title, path) AS name FROM documents WHERE id = ?');
  return rows.map((r) => {
    const mineIsSrc = r.src_document_id === documentId;
    const other = mineIsSrc ? r.tgt_document_id : r.src_document_id;
    const texts = new Map((textOf.all(other) as { idx: number; text: string }[]).map((s) => [s.idx, s.text]));
    const links: DocumentAlignment['links'] = {};
    for (const b of beadsOf.all(r.id) as { src: string; tgt: string }[]) {
      const [mine, theirs] = mineIsSrc
        ? [fromJson<number[]>(b.src, []), fromJson<number[]>(b.tgt, [])]
        : [fromJson<number[]>(b.tgt, []), fromJson<number[]>(b.src, [])];
      for (const i of mine) links[i] = theirs.map((j) => ({ idx: j, text: texts.get(j) ?? '' }));
    }
    const otherName = (nameOf.get(other) as { name: string } | undefined)?.name ?? String(other);
    return {
      auditId: r.audit_id,
      auditName: r.audit_name,
      role: r.role ?? 'unknown',
      otherDocumentId: other,
      otherName,
      links,
    };
  });
}
