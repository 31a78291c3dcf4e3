import { alignSentences } from '../align/index.js';
import { detectStory, type PlacedFinding } from '../detect/index.js';
import { detectSpin, spinDetectors } from '../detect/spin/index.js';
import { rolesOf } from '../group/index.js';
import type { Bead, Role, SegmentedDoc } from '../types.js';

// The CPU-bound, pure part of auditing one story: decide the versions' roles and the pivot, align every
// version to the pivot, run the detectors. It runs in a worker thread (batch) or inline (small inputs);
// storage stays in the main thread.

export interface StoryJob {
  versions: { documentId: number; doc: SegmentedDoc }[];
  /** config.thresholds: per detector id, threshold overrides. */
  thresholds: Record<string, Record<string, number>>;
}

export interface StoryAnalysis {
  roles: Role[];
  pivot: number;
  /** alignments[i] = beads of pivot (src) → versions[i] (tgt); null for the pivot. */
  alignments: (Bead[] | null)[];
  findings: PlacedFinding[];
}

export const ALIGN_METHOD = 'tapat-align';

/** Share of an English document's content sentences in which the spin detectors (no original) find spun wording. */
export function spinDensity(doc: SegmentedDoc): number {
  if (doc.lang !== 'en') return 0;
  const content = doc.segments.filter((s) => !s.boilerplate);
  if (!content.length) return 0;
  const found = detectSpin(doc.text).filter((f) => f.kind === 'spin');
  const spun = content.filter((s) => found.some((f) => f.start < s.end && s.start < f.end));
  return spun.length / content.length;
}

export function analyseStory(job: StoryJob): StoryAnalysis {
  const docs = job.versions.map((v) => v.doc);
  const { roles, pivot } = rolesOf(docs, spinDensity);
  const side = (d: SegmentedDoc) => ({ sentences: d.segments.map((s) => s.text), lang: d.lang });
  const alignments = docs.map((d, i) => (i === pivot ? null : alignSentences(side(docs[pivot]!), side(d))));
  const versions = job.versions.map((v, i) => ({ ...v, role: roles[i]! }));
  const findings = detectStory({ versions, pivot, alignments, thresholds: {} });
  // A spun copy with no original in its story (the pivot itself, when every English version is spun) gets
  // the spin detectors that work without one; detectStory runs spin detectors only against the pivot.
  roles.forEach((r, i) => {
    if (r !== 'spin' || (i !== pivot && docs[pivot]!.lang === docs[i]!.lang)) return;
    for (const d of spinDetectors)
      for (const finding of d.run({ doc: docs[i]!, original: null, beads: null, thresholds: { ...d.thresholds, ...(job.thresholds[d.id] ?? {}) } }))
        findings.push({ versionIndex: i, otherVersionIndex: null, finding });
  });
  return { roles, pivot, alignments, findings };
}
