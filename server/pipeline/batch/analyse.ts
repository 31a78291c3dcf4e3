import { alignSentences } from '../align/index.js';
import { detectStory, type PlacedFinding } from '../detect/index.js';
import { rolesOf } from '../group/index.js';
import type { Bead, Role, SegmentedDoc } from '../types.js';

// The CPU-bound, pure part of auditing one story: decide the versions' roles and the pivot, align every
// version to the pivot, run the detectors. It runs in a worker thread (batch) or inline (small inputs);
// storage stays in the main thread.

export interface StoryJob {
  versions: { documentId: number; doc: SegmentedDoc }[];
  thresholds: Record<string, number>;
}

export interface StoryAnalysis {
  roles: Role[];
  pivot: number;
  /** alignments[i] = beads of pivot (src) → versions[i] (tgt); null for the pivot. */
  alignments: (Bead[] | null)[];
  findings: PlacedFinding[];
}

export const ALIGN_METHOD = 'tapat-align';

/** A version whose sentences carry spin findings at least this densely is a spun copy. */
export const SPIN_ROLE_SCORE = 0.25;

/** Share of a version's non-boilerplate sentences that carry a style/spin finding. */
export function spinScore(doc: SegmentedDoc, findings: PlacedFinding[], versionIndex: number): number {
  const counted = new Set(doc.segments.filter((s) => !s.boilerplate).map((s) => s.index));
  if (!counted.size) return 0;
  const spun = new Set<number>();
  for (const f of findings) {
    if (f.versionIndex !== versionIndex || f.finding.category !== 'style/spin') continue;
    for (const s of f.finding.segments) if (counted.has(s)) spun.add(s);
  }
  return spun.size / counted.size;
}

export function analyseStory(job: StoryJob): StoryAnalysis {
  const docs = job.versions.map((v) => v.doc);
  const { roles, pivot } = rolesOf(docs);
  const side = (d: SegmentedDoc) => ({ sentences: d.segments.map((s) => s.text), lang: d.lang });
  const alignments = docs.map((d, i) => (i === pivot ? null : alignSentences(side(docs[pivot]!), side(d))));
  const versions = job.versions.map((v, i) => ({ ...v, role: roles[i]! }));
  const findings = detectStory({ versions, pivot, alignments, thresholds: job.thresholds });
  // after detection: an English source that reads as spun throughout is a spun copy
  const final = roles.map((r, i) => (r === 'source' && spinScore(docs[i]!, findings, i) >= SPIN_ROLE_SCORE ? 'spin' : r));
  return { roles: final, pivot, alignments, findings };
}
