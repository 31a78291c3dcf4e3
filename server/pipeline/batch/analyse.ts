import { alignSentences } from '../align/index.js';
import { detectStory, type PlacedFinding } from '../detect/index.js';
import type { Bead, Role, SegmentedDoc } from '../types.js';

// The CPU-bound, pure part of auditing one story: align every version to the pivot, run the detectors.
// It runs in a worker thread (batch) or inline (small inputs); storage stays in the main thread.

export interface StoryJob {
  versions: { documentId: number; role: Role; doc: SegmentedDoc }[];
  pivot: number;
  thresholds: Record<string, number>;
}

export interface StoryAnalysis {
  /** alignments[i] = beads of pivot (src) → versions[i] (tgt); null for the pivot. */
  alignments: (Bead[] | null)[];
  findings: PlacedFinding[];
}

export const ALIGN_METHOD = 'tapat-align';

export function analyseStory(job: StoryJob): StoryAnalysis {
  const pivot = job.versions[job.pivot]!.doc;
  const side = (d: SegmentedDoc) => ({ sentences: d.segments.map((s) => s.text), lang: d.lang });
  const alignments = job.versions.map((v, i) => (i === job.pivot ? null : alignSentences(side(pivot), side(v.doc))));
  const findings = detectStory({ versions: job.versions, pivot: job.pivot, alignments, thresholds: job.thresholds });
  return { alignments, findings };
}
