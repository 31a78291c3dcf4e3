import { fromJson } from '../index.js';
import { segmentOfRow, type DocumentRow, type SegmentRow } from '../documents.js';
import type { AuditReads } from '../audit-reads.js';
import type { AuditRow, AuditVersion, CurrentVerdict, StoredFlag } from '../audits.js';
import type { StoredAlignment, DocumentAlignment } from '../alignments.js';
import type { DocumentDetailData } from '../store.js';
import type { Segment } from '../../core/types.js';
import type { PgClient, Queryable } from './connect.js';
import { row, rows } from './sql.js';
import { flagsOfAuditPg } from './queue.js';
import type { FlagRow } from '../flag-rows.js';

// One audit's rows on PostgreSQL, fetched in a handful of queries and served to the view and export code
// (review/rows.ts, export/model.ts) through the synchronous AuditReads they share with SQLite.

interface AlignmentRow {
  id: number;
  src_document_id: number;
  tgt_document_id: number;
  method: string;
  created_at: string;
}
interface BeadRow {
  alignment_id: number;
  src: string;
  tgt: string;
  score: number;
}
type FlagRowPg = Omit<StoredFlag, 'segments' | 'other_segments' | 'evidence'> & {
  segments: string;
  other_segments: string;
  evidence: string;
};

async function segmentsOf(q: Queryable, ids: readonly number[]): Promise<Map<number, Segment[]>> {
  const segs = await rows<SegmentRow & { document_id: number }>(
    q,
    'SELECT document_id, idx, paragraph, start, "end", text, lang, boilerplate FROM segments WHERE document_id = ANY(?::bigint[]) ORDER BY document_id, idx',
    [ids],
  );
  const out = new Map<number, Segment[]>(ids.map((id) => [id, []]));
  for (const s of segs) out.get(s.document_id)!.push(segmentOfRow(s));
  return out;
}

export async function auditReadsPg(q: Queryable, auditId: number): Promise<AuditReads | undefined> {
  const audit = await row<AuditRow>(q, 'SELECT * FROM audits WHERE id = ?', [auditId]);
  if (!audit) return undefined;
  const versions = await rows<AuditVersion>(
    q,
    'SELECT document_id, role FROM audit_versions WHERE audit_id = ? ORDER BY document_id',
    [auditId],
  );
  const ids = versions.map((v) => v.document_id);
  const docs = new Map(
    (await rows<DocumentRow>(q, 'SELECT * FROM documents WHERE id = ANY(?::bigint[])', [ids])).map((d) => [d.id, d]),
  );
  const segs = await segmentsOf(q, ids);
  const aligns = await rows<AlignmentRow>(q, 'SELECT * FROM alignments WHERE audit_id = ? ORDER BY id', [auditId]);
  const beads = await rows<BeadRow>(
    q,
    'SELECT b.alignment_id, b.src, b.tgt, b.score FROM beads b JOIN alignments a ON a.id = b.alignment_id WHERE a.audit_id = ? ORDER BY b.alignment_id, b.ord',
    [auditId],
  );
  const alignments = new Map<string, StoredAlignment>();
  for (const a of aligns) {
    alignments.set(`${a.src_document_id}:${a.tgt_document_id}`, {
      id: a.id,
      auditId,
      srcDocumentId: a.src_document_id,
      tgtDocumentId: a.tgt_document_id,
      method: a.method,
      createdAt: a.created_at,
      beads: beads
        .filter((b) => b.alignment_id === a.id)
        .map((b) => ({ src: fromJson<number[]>(b.src, []), tgt: fromJson<number[]>(b.tgt, []), score: b.score })),
    });
  }
  const flagViews = await flagsOfAuditPg(q, auditId);
  const active = (
    await rows<FlagRowPg>(
      q,
      `SELECT f.id, f.document_id, f.other_document_id, d.path, f.detector, f.category, f.severity, f.confidence,
              f.segments, f.other_segments, f.start, f."end", f.other_start, f.other_end, f.message, f.evidence, f.suggestion, f.version
       FROM flags f JOIN documents d ON d.id = f.document_id
       WHERE f.audit_id = ? AND f.status = 'active' ORDER BY f.id`,
      [auditId],
    )
  ).map((r) => ({
    ...r,
    segments: fromJson<number[]>(r.segments, []),
    other_segments: fromJson<number[]>(r.other_segments, []),
    evidence: fromJson<Record<string, unknown>>(r.evidence, {}),
  }));
  const verdicts = new Map<number, CurrentVerdict>();
  for (const v of await rows<CurrentVerdict>(
    q,
    `SELECT v.id, v.flag_id, v.action, v.text FROM verdicts v JOIN flags f ON f.id = v.flag_id
     WHERE f.audit_id = ? AND v.action <> 'undo'
       AND NOT EXISTS (SELECT 1 FROM verdicts u WHERE u.undoes = v.id AND u.action = 'undo')
     ORDER BY v.flag_id, v.id`,
    [auditId],
  ))
    verdicts.set(v.flag_id, v); // later rows overwrite: the latest wins
  const flagRows = await rows<FlagRow>(q, "SELECT * FROM flags WHERE audit_id = ? AND status = 'active' ORDER BY id", [
    auditId,
  ]);
  const mine = (id: number): boolean => id === auditId;
  return {
    getAudit: (id) => (mine(id) ? { ...audit, versions } : undefined),
    documentMeta: (id) => {
      const d = docs.get(id);
      return d && { id: d.id, lang: d.lang, title: d.title, path: d.path };
    },
    getDocument: (id) => docs.get(id),
    getSegments: (id) => segs.get(id) ?? [],
    getAlignment: (a, s, t) => (mine(a) ? alignments.get(`${s}:${t}`) : undefined),
    flagsOfAudit: (id) => (mine(id) ? flagViews : []),
    activeFlags: (id) => (mine(id) ? active : []),
    currentVerdicts: (id) => (mine(id) ? verdicts : new Map()),
    activeFlagRows: (id) => (mine(id) ? flagRows : []),
  };
}

/** Takes the audit's row lock until the transaction ends (story commits take it too); false when it is gone. */
export async function lockAuditPg(c: PgClient, auditId: number): Promise<boolean> {
  return !!(await c.query('SELECT 1 FROM audits WHERE id = $1 FOR UPDATE', [auditId])).rowCount;
}

/** A document with its sentences and every alignment it takes part in, seen from it (documentAlignments). */
export async function documentDetailPg(q: Queryable, id: number): Promise<DocumentDetailData | undefined> {
  const document = await row<DocumentRow>(q, 'SELECT * FROM documents WHERE id = ?', [id]);
  if (!document) return undefined;
  const segments = (await segmentsOf(q, [id])).get(id)!;
  const als = await rows<{
    id: number;
    audit_id: number;
    audit_name: string;
    src_document_id: number;
    tgt_document_id: number;
    role: string | null;
  }>(
    q,
    `SELECT al.id, al.audit_id, a.name AS audit_name, al.src_document_id, al.tgt_document_id,
            (SELECT role FROM audit_versions v WHERE v.audit_id = al.audit_id AND v.document_id = ?) AS role
     FROM alignments al JOIN audits a ON a.id = al.audit_id
     WHERE al.src_document_id = ? OR al.tgt_document_id = ? ORDER BY al.audit_id, al.id`,
    [id, id, id],
  );
  const alignments: DocumentAlignment[] = [];
  for (const r of als) {
    const mineIsSrc = r.src_document_id === id;
    const other = mineIsSrc ? r.tgt_document_id : r.src_document_id;
    const texts = new Map(
      (
        await rows<{ idx: number; text: string }>(q, 'SELECT idx, text FROM segments WHERE document_id = ?', [other])
      ).map((s) => [s.idx, s.text]),
    );
    const links: DocumentAlignment['links'] = {};
    for (const b of await rows<{ src: string; tgt: string }>(
      q,
      'SELECT src, tgt FROM beads WHERE alignment_id = ? ORDER BY ord',
      [r.id],
    )) {
      const [mine, theirs] = mineIsSrc
        ? [fromJson<number[]>(b.src, []), fromJson<number[]>(b.tgt, [])]
        : [fromJson<number[]>(b.tgt, []), fromJson<number[]>(b.src, [])];
      for (const i of mine) links[i] = theirs.map((j) => ({ idx: j, text: texts.get(j) ?? '' }));
    }
    const name = await row<{ name: string }>(q, 'SELECT COALESCE(title, path) AS name FROM documents WHERE id = ?', [
      other,
    ]);
    alignments.push({
      auditId: r.audit_id,
      auditName: r.audit_name,
      role: r.role ?? 'unknown',
      otherDocumentId: other,
      otherName: name?.name ?? String(other),
      links,
    });
  }
  return { document, segments, alignments };
}
