import type { CurrentVerdict, StoredFlag } from '../../db/audits.js';
import type { DocumentRow } from '../../db/documents.js';
import { readsOf, type AuditReads, type AuditSource } from '../../db/audit-reads.js';
import { InputError } from '../../errors.js';
import type { Segment } from '../types.js';
import { applyEdits, boilerplateEdits, type Corrected, type Edit } from './corrected.js';

// What the exports read: an audit's documents, flags with their current verdicts, the accepted
// corrections, and the reviewed pairs (pivot → one other version, bead by bead).

/** XLIFF 2.0 segment states, derived from the verdicts of the flags on a pair:
 *  initial = no target text (a null link); translated = no flag of the pair has a verdict (unflagged
 *  pairs included); reviewed = some but not all of its flags have a verdict; final = all have one. */
export type PairState = 'initial' | 'translated' | 'reviewed' | 'final';
export const PAIR_STATES: readonly PairState[] = ['initial', 'translated', 'reviewed', 'final'];

export interface FlagWithVerdict extends StoredFlag {
  verdict: CurrentVerdict | null;
}

export interface Pair {
  id: string; // "b<ord>" in the alignment
  src: number[];
  tgt: number[];
  source: string;
  target: string; // with accepted corrections applied
  state: PairState;
  flags: FlagWithVerdict[];
}

export interface AuditExportData {
  auditId: number;
  name: string;
  source: DocumentRow | null;
  target: DocumentRow | null;
  pairs: Pair[];
}

/** The edit a flag's current verdict asks for, if any: corrected text, or an approved suggestion. */
export function correctionOf(f: FlagWithVerdict): Edit | null {
  if (f.start === null || f.end === null || !f.verdict) return null;
  if (f.verdict.action === 'correct' && f.verdict.text !== null)
    return { start: f.start, end: f.end, text: f.verdict.text, flagId: f.id };
  if (f.verdict.action === 'approve' && f.suggestion !== null)
    return { start: f.start, end: f.end, text: f.suggestion, flagId: f.id };
  return null;
}

export function flagsWithVerdicts(source: AuditSource, auditId: number): FlagWithVerdict[] {
  const db = readsOf(source);
  const verdicts = db.currentVerdicts(auditId);
  return db.activeFlags(auditId).map((f) => ({ ...f, verdict: verdicts.get(f.id) ?? null }));
}

function requireAudit(db: AuditReads, auditId: number) {
  const audit = db.getAudit(auditId);
  if (!audit) throw new InputError(`no audit ${auditId}`);
  return audit;
}

/** The document of the audit to export: the one asked for, else the pivot. */
export function auditDocument(source: AuditSource, auditId: number, documentId: number | null): DocumentRow {
  const db = readsOf(source);
  const audit = requireAudit(db, auditId);
  const id = documentId ?? audit.pivot_document_id ?? audit.versions[0]?.document_id;
  if (id === undefined || !audit.versions.some((v) => v.document_id === id))
    throw new InputError(`document ${documentId} is not a version of audit ${auditId}`);
  return db.getDocument(id)!;
}

export function correctedDocument(
  source: AuditSource,
  auditId: number,
  documentId: number | null,
  dropBoilerplate: boolean,
): Corrected & { doc: DocumentRow } {
  const db = readsOf(source);
  const doc = auditDocument(db, auditId, documentId);
  const edits = flagsWithVerdicts(db, auditId)
    .filter((f) => f.document_id === doc.id)
    .map(correctionOf)
    .filter((e): e is Edit => e !== null);
  if (dropBoilerplate) edits.push(...boilerplateEdits(doc.text, db.getSegments(doc.id)));
  return { ...applyEdits(doc.text, edits), doc };
}

function joinText(text: string, segs: Segment[], idx: number[], edits: Edit[]): string {
  if (!idx.length) return '';
  const parts = idx.map((i) => segs[i]).filter((s): s is Segment => s !== undefined);
  if (!parts.length) return '';
  const start = Math.min(...parts.map((s) => s.start));
  const end = Math.max(...parts.map((s) => s.end));
  const inside = edits
    .filter((e) => e.start >= start && e.end <= end)
    .map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
  return applyEdits(text.slice(start, end), inside).text.replace(/\s*\n\s*/g, ' ');
}

/**
 * Reviewed pairs of the pivot and one other version (the one asked for; by default the first
 * translation, else the first other version). An audit with one version has no pairs.
 */
export function auditPairs(from: AuditSource, auditId: number, documentId: number | null): AuditExportData {
  const db = readsOf(from);
  const audit = requireAudit(db, auditId);
  const pivot = audit.pivot_document_id;
  const others = audit.versions.filter((v) => v.document_id !== pivot);
  const chosen =
    documentId !== null
      ? others.find((v) => v.document_id === documentId)
      : (others.find((v) => v.role === 'translation') ?? others[0]);
  if (documentId !== null && !chosen)
    throw new InputError(`document ${documentId} is not a non-pivot version of audit ${auditId}`);
  if (pivot === null || !chosen)
    return { auditId, name: audit.name, source: pivot ? db.getDocument(pivot)! : null, target: null, pairs: [] };
  const source = db.getDocument(pivot)!;
  const target = db.getDocument(chosen.document_id)!;
  const srcSegs = db.getSegments(source.id);
  const tgtSegs = db.getSegments(target.id);
  const flags = flagsWithVerdicts(db, auditId);
  const tgtEdits = flags
    .filter((f) => f.document_id === target.id)
    .map(correctionOf)
    .filter((e): e is Edit => e !== null);
  const srcEdits = flags
    .filter((f) => f.document_id === source.id)
    .map(correctionOf)
    .filter((e): e is Edit => e !== null);
  const beads = db.getAlignment(auditId, source.id, target.id)?.beads ?? [];
  const pairs: Pair[] = beads.map((b, ord) => {
    const touches = (f: FlagWithVerdict): boolean =>
      (f.document_id === target.id && f.segments.some((s) => b.tgt.includes(s))) ||
      (f.document_id === source.id &&
        f.segments.some((s) => b.src.includes(s)) &&
        (f.other_document_id === null || f.other_document_id === target.id));
    const pf = flags.filter(touches);
    const decided = pf.filter((f) => f.verdict !== null).length;
    const state: PairState = !b.tgt.length
      ? 'initial'
      : decided === 0
        ? 'translated'
        : decided < pf.length
          ? 'reviewed'
          : 'final';
    return {
      id: `b${ord}`,
      src: b.src,
      tgt: b.tgt,
      source: joinText(source.text, srcSegs, b.src, srcEdits),
      target: joinText(target.text, tgtSegs, b.tgt, tgtEdits),
      state,
      flags: pf,
    };
  });
  return { auditId, name: audit.name, source, target, pairs };
}
