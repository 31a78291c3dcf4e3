// The spin phase's public face: the spin detectors and the plain-text entry point (detectors.ts), spin over a
// story's versions (story.ts), discovery of a copy's original and the shingles grouping compares. Kept to
// re-exports so that story.ts can use the detectors without an import cycle.
export * from './detectors.js';
export type { SpinFinding } from './finding.js';
export { findOriginal, type Candidate } from './discover.js';
export { spinShingles, synonymShingles, synonymKey, jaccard, profile, synonymOverlap, type Profile } from './shingles.js';
export { restore } from './original.js';
export { spinStory, spinStoryDetector, looksSpun, type SpinVerdict } from './story.js';
