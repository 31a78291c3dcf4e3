import type { SegmentedDoc } from '../../types.js';
import type { StoryContext } from '../types.js';
import { spinDetectors, spinStoryDetector } from '../registry.js';
import type { ThresholdConfig } from '../thresholds.js';
import type { SpinFinding } from './finding.js';
import { spinPass } from './pass.js';
import { spinStory as spinStoryOf } from './story.js';

// The spin phase's public face: the plain-text entry point (`tapat spin`, role reading), spin over a story's
// versions with the registry's spin detectors, discovery of a copy's original and the shingles grouping
// compares. The detectors themselves are modules under detect/detectors/spin/, listed in registry.ts.
export type { SpinFinding } from './finding.js';
export type { SpinAnalysis } from './analysis.js';
export { analyseSpin } from './analysis.js';
export { spinDetectors, spinStoryDetector };
export { findOriginal, type Candidate } from './discover.js';
export {
  spinShingles,
  synonymShingles,
  synonymKey,
  jaccard,
  profile,
  synonymOverlap,
  type Profile,
} from './shingles.js';
export { restore } from './original.js';
export { looksSpun, type SpinVerdict } from './story.js';

export interface DetectSpinOptions {
  original?: string | null;
  thresholds?: ThresholdConfig;
}

/** A plain text as a document for the spin detectors (which read its text only). */
const textDoc = (text: string): SegmentedDoc => ({
  path: '(text)',
  url: null,
  title: null,
  format: 'txt',
  encoding: 'utf-8',
  declaredLang: null,
  text,
  lang: 'en',
  segments: [],
});

/** All spin findings for a text, non-overlapping, in text order; against its original when one is given. */
export function detectSpin(text: string, opts: DetectSpinOptions = {}): SpinFinding[] {
  return spinPass(
    textDoc(text),
    opts.original == null ? null : textDoc(opts.original),
    opts.thresholds ?? {},
    spinDetectors,
  );
}

/** spin-story's findings and verdicts over a story's versions. */
export const spinStory = (ctx: StoryContext): ReturnType<typeof spinStoryOf> => spinStoryOf(ctx, spinDetectors);
