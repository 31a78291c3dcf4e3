import { alignSentences } from '../align/index.js';
import { alignSide } from '../../core/align-side.js';
import { detectStory, documentFindings, type PlacedFinding, type StoryDetectorFindings } from '../detect/index.js';
import { thresholdsFor } from '../detect/thresholds.js';
import { detectSpin, looksSpun, spinStoryDetector } from '../detect/spin/index.js';
import { rolesOf, type SpinReading } from '../group/index.js';
import { similarityFromVectors } from '../../llm/embeddings.js';
import type { Bead, Role, SegmentedDoc } from '../types.js';

// The CPU-bound, pure part of auditing one story: decide the versions' roles and the pivot, align every
// version to the pivot, run the detectors. It runs in a worker thread (batch) or inline (small inputs);
// storage stays in the main thread.

export interface StoryJob {
  versions: { documentId: number; doc: SegmentedDoc }[];
  /** config.thresholds: per detector id, threshold overrides. */
  thresholds: Record<string, Record<string, number>>;
  /** Optional sentence embeddings per version (the model layer, when configured): an extra alignment signal. */
  embeddings?: (Float32Array[] | null)[];
}

export interface StoryAnalysis {
  roles: Role[];
  pivot: number;
  /** alignments[i] = beads of pivot (src) → versions[i] (tgt); null for the pivot. */
  alignments: (Bead[] | null)[];
  findings: PlacedFinding[];
}

export const ALIGN_METHOD = 'tapat-align';

/**
 * How spun an English document reads on its own, by the spin phase's own measure (its no-original
 * detectors, findings per 1,000 words): a spun copy must not become the pivot others are aligned to.
 */
export function readSpin(doc: SegmentedDoc, thresholds: Record<string, Record<string, number>>): SpinReading {
  if (doc.lang !== 'en') return { density: 0, spun: false };
  const r = looksSpun(
    detectSpin(doc.text, { thresholds }).filter((f) => f.kind === 'spin'),
    doc.text,
  );
  return { density: r.per1000, spun: r.spun };
}

/**
 * Reading spin costs a spin pass per document; it decides the pivot only when several English versions
 * compete. With one, it is the pivot anyway, and its role is read afterwards from the story's findings.
 */
const competing = (docs: SegmentedDoc[]): boolean => docs.filter((d) => d.lang === 'en').length > 1;

/**
 * The reading side of a story's analysis: the versions' roles and the pivot (a spun English copy must not
 * become the pivot), the spin-story detector's findings, and the document detectors'; none needs an
 * alignment. With several workers this runs on one worker and finishStory on another, so that each keeps
 * warm only its own side's words (WordNet, vectors and frequencies here; the lexicon, numbers and names
 * there) instead of every worker meeting all of them.
 */
export interface StoryReading {
  roles: Role[];
  pivot: number;
  spin: StoryDetectorFindings;
  /** the document detectors' findings: they need no alignment either, and even out the two sides' work */
  documents: PlacedFinding[];
}

export function readStory(job: StoryJob): StoryReading {
  const docs = job.versions.map((v) => v.doc);
  const { roles, pivot } = rolesOf(docs, competing(docs) ? (d) => readSpin(d, job.thresholds) : undefined);
  const versions = job.versions.map((v, i) => ({ ...v, role: roles[i]! }));
  // spin-story reads the versions and their roles only (no alignment): as detectStory would run it
  const spin = spinStoryDetector.run({
    versions,
    pivot,
    alignments: [],
    thresholds: thresholdsFor(spinStoryDetector, job.thresholds),
    config: job.thresholds,
  });
  return { roles, pivot, spin, documents: documentFindings(versions, job.thresholds) };
}

/** The rest of a story's analysis, given its reading: alignments, every other detector, the final roles. */
export function finishStory(job: StoryJob, reading: StoryReading): StoryAnalysis {
  const docs = job.versions.map((v) => v.doc);
  const { roles, pivot } = reading;
  const extra = (i: number): ((a: number, b: number) => number) | null => {
    const [a, b] = [job.embeddings?.[pivot], job.embeddings?.[i]];
    return a && b ? similarityFromVectors(a, b) : null;
  };
  const pivotSide = alignSide(docs[pivot]!);
  const alignments = docs.map((d, i) =>
    i === pivot ? null : alignSentences(pivotSide, alignSide(d), { extraSimilarity: extra(i) }),
  );
  const versions = job.versions.map((v, i) => ({ ...v, role: roles[i]! }));
  const findings = detectStory({ versions, pivot, alignments, thresholds: {} }, job.thresholds, {
    documents: reading.documents,
    story: { [spinStoryDetector.id]: reading.spin },
  });
  const final = competing(docs)
    ? roles
    : roles.map((r, i) => {
        if (r !== 'source') return r;
        const spin = findings
          .filter((f) => f.versionIndex === i && f.finding.category === 'style/spin')
          .map((f) => f.finding);
        return looksSpun(spin, docs[i]!.text).spun ? 'spin' : r;
      });
  return { roles: final, pivot, alignments, findings };
}

export function analyseStory(job: StoryJob): StoryAnalysis {
  return finishStory(job, readStory(job));
}
