import type { AuditRow } from '../../db/audits.js';
import type { DocumentMeta } from '../../db/documents.js';
import type { FlagView } from '../../db/queue.js';
import { readsOf, type AuditReads, type AuditSource } from '../../db/audit-reads.js';
import type { Bead, Lang, Role, Segment } from '../types.js';

// The three-way view of an audit: one row per story sentence across versions. Every version is aligned to
// the pivot (alignments with src = pivot); a row is a pivot sentence plus what each version aligned to it.
// Sentences a version adds (null links, src = []) get rows of their own where they occur, so nothing is hidden.

export interface ViewVersion {
  document_id: number;
  role: Role;
  lang: Lang;
  title: string | null;
  path: string;
  pivot: boolean;
  /** false when no alignment to the pivot is stored: its sentences are listed after the aligned rows. */
  aligned: boolean;
}

export interface Cell {
  segments: Segment[];
  /** This pivot sentence was aligned together with the row above (a 2-1 or 2-2 bead). */
  continued?: true;
  flags: number[];
}

export interface ViewRow {
  pivot: number | null;
  cells: Record<number, Cell>;
}

export interface AuditView {
  audit: AuditRow;
  versions: ViewVersion[];
  rows: ViewRow[];
  flags: FlagView[];
  /** Flags that name no sentence of any version shown. */
  unplaced: number[];
}

function beadsBetween(db: AuditReads, auditId: number, pivot: number, other: number): Bead[] | null {
  const load = (src: number, tgt: number): Bead[] | null => db.getAlignment(auditId, src, tgt)?.beads ?? null;
  const forward = load(pivot, other);
  if (forward) return forward;
  // An alignment stored the other way round reads the same with its sides swapped.
  return load(other, pivot)?.map((b) => ({ src: b.tgt, tgt: b.src, score: b.score })) ?? null;
}

/** Display order: Tagalog first, then the pivot, then other versions, spun copies last. */
function columnRank(v: ViewVersion): number {
  if (v.pivot) return 1;
  if (v.role === 'spin') return 3;
  return v.lang === 'tl' ? 0 : 2;
}

export function auditView(source: AuditSource, auditId: number): AuditView | undefined {
  const db = readsOf(source);
  const audit = db.getAudit(auditId);
  if (!audit) return undefined;
  const { versions: roles, ...auditRow } = audit;
  const meta = new Map<number, DocumentMeta>();
  for (const v of roles) {
    const d = db.documentMeta(v.document_id)!;
    meta.set(d.id, d);
  }
  const pivotId =
    audit.pivot_document_id ??
    roles.find((v) => meta.get(v.document_id)!.lang === 'en' && v.role !== 'spin')?.document_id ??
    roles[0]?.document_id ??
    null;
  const segs = new Map<number, Segment[]>(roles.map((v) => [v.document_id, db.getSegments(v.document_id)]));
  const beads = new Map<number, Bead[] | null>(
    roles
      .filter((v) => v.document_id !== pivotId)
      .map((v) => [v.document_id, beadsBetween(db, auditId, pivotId!, v.document_id)]),
  );
  const versions: ViewVersion[] = roles
    .map((v) => {
      const m = meta.get(v.document_id)!;
      return {
        document_id: m.id,
        role: v.role,
        lang: m.lang,
        title: m.title,
        path: m.path,
        pivot: m.id === pivotId,
        aligned: m.id === pivotId || !!beads.get(m.id),
      };
    })
    .sort((a, b) => columnRank(a) - columnRank(b) || a.document_id - b.document_id);

  const pivotSegs = pivotId === null ? [] : segs.get(pivotId)!;
  const pivotRows: ViewRow[] = pivotSegs.map((s) => ({
    pivot: s.index,
    cells: { [pivotId!]: { segments: [s], flags: [] } },
  }));
  // Rows a version adds between pivot sentences, keyed by the pivot index they follow (-1: before the first).
  const inserted = new Map<number, ViewRow[]>();
  const trailing: ViewRow[] = [];
  for (const v of versions) {
    if (v.pivot) continue;
    const vs = segs.get(v.document_id)!;
    const bs = beads.get(v.document_id);
    if (!bs) {
      for (const s of vs) trailing.push({ pivot: null, cells: { [v.document_id]: { segments: [s], flags: [] } } });
      continue;
    }
    let last = -1;
    for (const b of bs) {
      const cellSegs = b.tgt.map((j) => vs[j]).filter((s): s is Segment => s !== undefined);
      const first = b.src[0];
      if (first === undefined) {
        const list = inserted.get(last) ?? [];
        list.push({ pivot: null, cells: { [v.document_id]: { segments: cellSegs, flags: [] } } });
        inserted.set(last, list);
        continue;
      }
      const row = pivotRows[first];
      if (row) row.cells[v.document_id] = { segments: cellSegs, flags: [] };
      for (const k of b.src.slice(1)) {
        const more = pivotRows[k];
        if (more) more.cells[v.document_id] = { segments: [], continued: true, flags: [] };
      }
      last = Math.max(last, ...b.src);
    }
  }
  const rows: ViewRow[] = [...(inserted.get(-1) ?? [])];
  pivotRows.forEach((r, i) => rows.push(r, ...(inserted.get(i) ?? [])));
  rows.push(...trailing);

  // Place each flag in the row holding its first sentence (or the sentence its span starts in).
  const where = new Map<string, Cell>();
  for (const r of rows)
    for (const [doc, cell] of Object.entries(r.cells))
      for (const s of cell.segments) where.set(`${doc}:${s.index}`, cell);
  const flags = db.flagsOfAudit(auditId);
  const unplaced: number[] = [];
  for (const f of flags) {
    let idx = f.segments[0];
    if (idx === undefined && f.start !== null)
      idx = segs.get(f.document_id)?.find((s) => s.start <= f.start! && f.start! < s.end)?.index;
    const cell = idx === undefined ? undefined : where.get(`${f.document_id}:${idx}`);
    if (cell) cell.flags.push(f.id);
    else unplaced.push(f.id);
  }
  return { audit: auditRow, versions, rows, flags, unplaced };
}
