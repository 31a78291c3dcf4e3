import type { Db } from '../../db/index.js';
import { tx } from '../../db/index.js';
import { getDocument, getSegments, segmentedDocOfRow } from '../../db/documents.js';
import { upsertStoryAudit } from '../../db/audits.js';
import { storeAlignment } from '../../db/alignments.js';
import { reconcileFlags, type ReconcileResult } from '../../db/flags.js';
import { recordStory } from '../../db/batch.js';
import type { SegmentedDoc } from '../types.js';
import type { StoryPlan } from '../group/index.js';
import { ALIGN_METHOD, type StoryAnalysis, type StoryJob } from './analyse.js';

// Preparing a story for analysis (load its documents) and committing the analysis (audit with roles,
// alignments, flags, the run's record of the story) in one transaction: whole or not at all.

export interface StoryWork {
  plan: StoryPlan;
  job: StoryJob;
}

export function loadSegmentedDoc(db: Db, id: number): SegmentedDoc {
  const d = getDocument(db, id);
  if (!d) throw new Error(`document ${id} is missing`);
  return segmentedDocOfRow(d, getSegments(db, id));
}

export function storyName(doc: SegmentedDoc): string {
  const first = doc.title ?? doc.segments.find((s) => !s.boilerplate)?.text ?? doc.path;
  return first.length > 100 ? `${first.slice(0, 99)}…` : first;
}

export function prepareStory(db: Db, plan: StoryPlan, thresholds: Record<string, Record<string, number>>): StoryWork {
  const versions = plan.documentIds.map((id) => ({ documentId: id, doc: loadSegmentedDoc(db, id) }));
  return { plan, job: { versions, thresholds } };
}

/**
 * Stores a story's alignments to the pivot and reconciles its flags with what is stored (unchanged flags keep their
 * verdicts; those that no longer fire go stale). Call inside tx(): the batch's commit and a reviewer's role change
 * both end here.
 */
export function storeAnalysis(
  db: Db,
  auditId: number,
  versions: readonly { documentId: number; doc: SegmentedDoc }[],
  pivotId: number,
  analysis: Pick<StoryAnalysis, 'alignments' | 'findings'>,
): ReconcileResult {
  analysis.alignments.forEach((beads, i) => {
    if (beads) storeAlignment(db, auditId, pivotId, versions[i]!.documentId, beads, ALIGN_METHOD);
  });
  return reconcileFlags(
    db,
    auditId,
    analysis.findings.map((f) => ({
      documentId: versions[f.versionIndex]!.documentId,
      otherDocumentId: f.otherVersionIndex === null ? null : versions[f.otherVersionIndex]!.documentId,
      finding: f.finding,
    })),
    // the story's documents were loaded from storage for it: their texts are at hand, not read back
    new Map(versions.map((v) => [v.documentId, v.doc])),
  );
}

/** Stores the story's audit, alignments and flags; records it in the run. Returns the audit id. */
export function commitStory(db: Db, work: StoryWork, analysis: StoryAnalysis, runId: number | null): number {
  const { versions } = work.job;
  const { roles, pivot } = analysis;
  const pivotId = versions[pivot]!.documentId;
  return tx(db, () => {
    const { id } = upsertStoryAudit(
      db,
      work.plan.key,
      storyName(versions[pivot]!.doc),
      versions.map((v, i) => ({ document_id: v.documentId, role: roles[i]! })),
      pivotId,
    );
    storeAnalysis(db, id, versions, pivotId, analysis);
    if (runId !== null) recordStory(db, runId, work.plan.key, id);
    return id;
  });
}
