import type { Finding, SegmentedDoc } from '../../types.js';
import type { SpinContext, SpinDetector } from '../types.js';
import { thresholdsFor, typedThresholds, type ThresholdConfig } from '../thresholds.js';
import { analyseSpin, type SpinAnalysis, type SpinAnalysisThresholds } from './analysis.js';
import { resolveOverlaps, type SpinFinding } from './finding.js';
import { toFinding } from './detector.js';
import { CONTEXT_DEFAULTS, spinContextDetector } from '../detectors/spin/context.js';
import { RARE_DEFAULTS, spinRareDetector } from '../detectors/spin/rare.js';
import { FINGERPRINT_GATES, spinFingerprintDetector } from '../detectors/spin/fingerprint.js';
import { MemoFamily } from '../../../memo.js';
import { resource, use } from '../../../core/resources.js';

// The spin pass: the document's spin analysis worked out once, then every spin detector on it. Without an
// original the detectors read the same words several ways (a fingerprint, a rare word, a model unit), so
// overlapping findings are resolved to the best one; against an original only the word diff speaks.

/** The analysis's thresholds, read through the one threshold path from the detectors whose evidence it holds. */
export function analysisThresholds(config: ThresholdConfig): SpinAnalysisThresholds {
  return {
    context: typedThresholds(CONTEXT_DEFAULTS, thresholdsFor(spinContextDetector, config)),
    rare: typedThresholds(RARE_DEFAULTS, thresholdsFor(spinRareDetector, config)),
    lexicon: typedThresholds(FINGERPRINT_GATES, thresholdsFor(spinFingerprintDetector, config)),
  };
}

// The same document is read by several callers with the same thresholds (the batch's role reading, then
// spin-story): one pass serves them all.
const PASSES_MEMO = resource('spin passes of a text (memo)', () => new MemoFamily<string, SpinFinding[]>(32));

/** One spin detector's context on doc, as the spin pass builds it (its examples run through this). */
export function spinContextOf(
  d: SpinDetector,
  doc: SegmentedDoc,
  original: SegmentedDoc | null,
  config: ThresholdConfig = {},
): SpinContext {
  return {
    doc,
    original,
    beads: null,
    spin: original ? null : analyseSpin(doc.text, analysisThresholds(config)),
    thresholds: thresholdsFor(d, config),
  };
}

/** Every detector's findings on doc (against original when given), overlaps resolved, in text order. */
export function spinPass(
  doc: SegmentedDoc,
  original: SegmentedDoc | null,
  config: ThresholdConfig,
  detectors: readonly SpinDetector[],
): SpinFinding[] {
  const own = detectors.map((d) => thresholdsFor(d, config));
  const run = (spin: SpinAnalysis | null): SpinFinding[] =>
    detectors.flatMap((d, i) => d.find({ doc, original, beads: null, spin, thresholds: own[i]! }));
  if (original) return run(null);
  return use(PASSES_MEMO)
    .table(JSON.stringify([detectors.map((d) => d.id), own]))
    .get(doc.text, () => resolveOverlaps(run(analyseSpin(doc.text, analysisThresholds(config)))))
    .slice();
}

/** The spin pass as audit findings on doc's segments, detector by detector in registry order. */
export function spinPassFindings(
  doc: SegmentedDoc,
  original: SegmentedDoc | null,
  config: ThresholdConfig,
  detectors: readonly SpinDetector[],
): Finding[] {
  const found = spinPass(doc, original, config, detectors);
  return detectors.flatMap((d) =>
    found.filter((f) => f.detector === d.id).map((f) => toFinding({ doc }, f, d.defaultSeverity)),
  );
}
