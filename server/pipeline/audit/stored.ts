import { fromJson } from '../../db/index.js';
import type { FindingToStore, FlagRow, KnownText } from '../../db/flags.js';
import { readsOf, type AuditSource } from '../../db/audit-reads.js';
import { alignDocs } from '../../core/align-side.js';
import type { PlacedFinding } from '../detect/index.js';
import type { StoryContext } from '../detect/types.js';
import type { Finding, Role, SegmentedDoc } from '../types.js';
import { InputError } from '../../errors.js';

// Reads a stored audit back into the shapes the judge takes (StoryContext + placed findings), so the judge
// can run on an audit after the fact (`tapat judge`, through the audit service). Stored alignments are used; a version without one
// is aligned on the spot with the same aligner the pipeline uses.

export interface StoredStory {
  ctx: StoryContext;
  documentIds: number[]; // per version
  /** Active flags of every detector but the judge's (`judgeDetector`). */
  offline: PlacedFinding[];
  /** Active flags of the judge from earlier runs. */
  judged: PlacedFinding[];
  alignedOnTheFly: number;
}

export function loadStoredStory(source: AuditSource, auditId: number, judgeDetector: string): StoredStory {
  const db = readsOf(source);
  const audit = db.getAudit(auditId);
  if (!audit) throw new InputError(`no audit ${auditId} in this database`);
  if (audit.versions.length < 2)
    throw new InputError(`audit ${auditId} has ${audit.versions.length} version(s): nothing to compare`);
  const versions: StoryContext['versions'] = audit.versions.map((v) => {
    const row = db.getDocument(v.document_id)!;
    const doc: SegmentedDoc = { ...row, declaredLang: null, segments: db.getSegments(row.id) };
    return { doc, role: v.role as Role, documentId: row.id };
  });
  const documentIds = versions.map((v) => v.documentId);
  const byRole = (r: Role): number => versions.findIndex((v) => v.role === r);
  let pivot = audit.pivot_document_id !== null ? documentIds.indexOf(audit.pivot_document_id) : -1;
  if (pivot < 0) pivot = Math.max(0, byRole('source'));
  let alignedOnTheFly = 0;
  const alignments = versions.map((v, i) => {
    if (i === pivot) return null;
    const stored = db.getAlignment(auditId, documentIds[pivot]!, v.documentId);
    if (stored) return stored.beads;
    alignedOnTheFly++;
    return alignDocs(versions[pivot]!.doc, v.doc);
  });
  const rows = db.activeFlagRows(auditId);
  const offline: PlacedFinding[] = [];
  const judged: PlacedFinding[] = [];
  for (const r of rows) {
    const versionIndex = documentIds.indexOf(r.document_id);
    if (versionIndex < 0) continue;
    const other = r.other_document_id === null ? -1 : documentIds.indexOf(r.other_document_id);
    const placed = { versionIndex, otherVersionIndex: other < 0 ? null : other, finding: rowToFinding(r) };
    (r.detector === judgeDetector ? judged : offline).push(placed);
  }
  return { ctx: { versions, pivot, alignments, thresholds: {} }, documentIds, offline, judged, alignedOnTheFly };
}

function rowToFinding(r: FlagRow): Finding {
  return {
    detector: r.detector,
    category: r.category,
    severity: r.severity,
    confidence: r.confidence,
    rawScore: r.raw_score ?? 0,
    segments: fromJson<number[]>(r.segments, []),
    otherSegments: fromJson<number[]>(r.other_segments, []),
    span: r.start !== null && r.end !== null ? { start: r.start, end: r.end } : null,
    otherSpan: r.other_start !== null && r.other_end !== null ? { start: r.other_start, end: r.other_end } : null,
    message: r.message,
    evidence: fromJson<Record<string, unknown>>(r.evidence, {}),
    suggestion: r.suggestion,
  };
}

/** The texts of the story's versions by document id (what flag reconciliation on PostgreSQL fingerprints). */
export const storyTexts = (story: StoredStory): Map<number, KnownText> =>
  new Map(
    story.ctx.versions.map((v, i) => [
      story.documentIds[i]!,
      { text: v.doc.text, segments: v.doc.segments.map((s) => ({ index: s.index, text: s.text })) },
    ]),
  );

export function toStore(story: StoredStory, placed: PlacedFinding[]): FindingToStore[] {
  return placed.map((p) => ({
    documentId: story.documentIds[p.versionIndex]!,
    otherDocumentId: p.otherVersionIndex === null ? null : story.documentIds[p.otherVersionIndex]!,
    finding: p.finding,
  }));
}
