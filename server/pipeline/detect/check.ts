import type { SegmentedDoc } from '../types.js';
import { alignDocs } from '../../core/align-side.js';
import { flagRecord, sided, type FlagRecord } from '../../core/flag-record.js';
import { documentDetectors, allDetectors } from './registry.js';
import { detectPair } from './pair.js';
import { thresholdsFor, validateThresholds, type ThresholdConfig } from './thresholds.js';
import { withResources, type Resources } from '../../core/resources.js';

// `tapat check`: align a source and its translation, run the pair detectors on every bead and the document
// detectors on both sides. One record per flag, in the CLI's JSONL shape.

export type CheckRecord = FlagRecord;

const ROUNDED = { roundConfidence: true };

/** `res`: the word lists and tables to read (core/resources.ts); the current ones when not given. */
export function checkDocs(
  src: SegmentedDoc,
  tgt: SegmentedDoc,
  thresholds: ThresholdConfig = {},
  res?: Resources,
): CheckRecord[] {
  return withResources(res, () => checkWith(src, tgt, thresholds));
}

function checkWith(src: SegmentedDoc, tgt: SegmentedDoc, thresholds: ThresholdConfig): CheckRecord[] {
  validateThresholds(thresholds, allDetectors());
  const beads = alignDocs(src, tgt);
  const out: CheckRecord[] = detectPair(src, tgt, beads, { thresholds }).map((p) => flagRecord(p, ROUNDED));
  for (const [side, doc] of [
    ['src', src],
    ['tgt', tgt],
  ] as const) {
    for (const d of documentDetectors) {
      // a document detector's finding has no other side
      for (const f of d.run({ doc, thresholds: thresholdsFor(d, thresholds) }))
        out.push(flagRecord(sided({ ...f, otherSegments: [], otherSpan: null }, side), ROUNDED));
    }
  }
  const first = (r: CheckRecord) => Math.min(r.src[0] ?? Infinity, r.tgt[0] ?? Infinity);
  return out.sort(
    (a, b) => (a.src[0] ?? -1) - (b.src[0] ?? -1) || (a.tgt[0] ?? -1) - (b.tgt[0] ?? -1) || first(a) - first(b),
  );
}
