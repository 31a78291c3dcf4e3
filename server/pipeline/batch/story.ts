import type { Db } from '../../db/index.js';
import { tx } from '../../db/index.js';
import { getDocument, getSegments } from '../../db/documents.js';
import { storeAlignment, upsertStoryAudit } from '../../db/audits.js';
import { reconcileFlags } from '../../db/flags.js';
import { recordStory } from '../../db/batch.js';
import type { Role, SegmentedDoc } from '../types.js';
import { rolesOf, type StoryPlan } from '../group/index.js';
import { ALIGN_METHOD, type StoryAnalysis, type StoryJob } from './analyse.js';

// Preparing a story for analysis (load its documents, assign roles) and committing the analysis
// (audit, alignments, flags, the run's record of the story) in one transaction: whole or not at all.

/** A version whose sentences carry spin findings at least this densely is a spun copy. */
export const SPIN_ROLE_SCORE = 0.25;

export interface StoryWork {
  plan: StoryPlan;
  name: string;
  job: StoryJob;
}

export function loadSegmentedDoc(db: Db, id: number): SegmentedDoc {
  const d = getDocument(db, id);
  if (!d) throw new Error(`document ${id} is missing`);
  return {
    path: d.path,
    url: d.url,
    title: d.title,
    format: d.format,
    encoding: d.encoding,
    declaredLang: null,
    text: d.text,
    lang: d.lang,
    segments: getSegments(db, id),
  };
}

function storyName(doc: SegmentedDoc): string {
  const first = doc.title ?? doc.segments.find((s) => !s.boilerplate)?.text ?? doc.path;
  return first.length > 100 ? `${first.slice(0, 99)}…` : first;
}

export function prepareStory(db: Db, plan: StoryPlan, thresholds: Record<string, number>): StoryWork {
  const docs = plan.documentIds.map((id) => loadSegmentedDoc(db, id));
  const { roles, pivot } = rolesOf(docs);
  const versions = docs.map((doc, i) => ({ documentId: plan.documentIds[i]!, role: roles[i]!, doc }));
  return { plan, name: storyName(docs[pivot]!), job: { versions, pivot, thresholds } };
}

/** Share of a version's non-boilerplate sentences that carry a style/spin finding. */
export function spinScore(work: StoryWork, analysis: StoryAnalysis, versionIndex: number): number {
  const doc = work.job.versions[versionIndex]!.doc;
  const counted = new Set(doc.segments.filter((s) => !s.boilerplate).map((s) => s.index));
  if (!counted.size) return 0;
  const spun = new Set<number>();
  for (const f of analysis.findings) {
    if (f.versionIndex !== versionIndex || f.finding.category !== 'style/spin') continue;
    for (const s of f.finding.segments) if (counted.has(s)) spun.add(s);
  }
  return spun.size / counted.size;
}

/** Roles after detection: an English source that reads as spun throughout becomes 'spin'. */
function finalRoles(work: StoryWork, analysis: StoryAnalysis): Role[] {
  return work.job.versions.map((v, i) =>
    v.role === 'source' && spinScore(work, analysis, i) >= SPIN_ROLE_SCORE ? 'spin' : v.role,
  );
}

/** Stores the story's audit, alignments and flags; records it in the run. Returns the audit id. */
export function commitStory(db: Db, work: StoryWork, analysis: StoryAnalysis, runId: number | null): number {
  const { versions, pivot } = work.job;
  const roles = finalRoles(work, analysis);
  return tx(db, () => {
    const { id } = upsertStoryAudit(
      db,
      work.plan.key,
      work.name,
      versions.map((v, i) => ({ document_id: v.documentId, role: roles[i]! })),
      versions[pivot]!.documentId,
    );
    analysis.alignments.forEach((beads, i) => {
      if (beads) storeAlignment(db, id, versions[pivot]!.documentId, versions[i]!.documentId, ALIGN_METHOD, beads);
    });
    reconcileFlags(
      db,
      id,
      analysis.findings.map((f) => ({
        documentId: versions[f.versionIndex]!.documentId,
        otherDocumentId: f.otherVersionIndex === null ? null : versions[f.otherVersionIndex]!.documentId,
        finding: f.finding,
      })),
    );
    if (runId !== null) recordStory(db, runId, work.plan.key, id);
    return id;
  });
}
