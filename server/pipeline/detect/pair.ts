import type { Bead, Lang, SegmentedDoc, Span } from '../types.js';
import type { PairContext, PairDetector, PairFinding } from './types.js';
import { pairDetectors } from './registry.js';
import { thresholdsFor, type ThresholdConfig } from './thresholds.js';

// Pair detection over an alignment: every bead between a source and its translation, every pair detector.
// Findings come back placed on both sides (src/tgt sentence indexes and spans), whichever side they flag.

export interface PlacedPairFinding {
  bead: number; // index into beads
  side: 'src' | 'tgt';
  src: number[];
  tgt: number[];
  srcSpan: Span | null;
  tgtSpan: Span | null;
  finding: PairFinding;
}

export interface DetectPairOptions {
  thresholds?: ThresholdConfig;
  detectors?: readonly PairDetector[];
  srcLang?: Lang;
  tgtLang?: Lang;
}

// When one bead fires several detectors, the more specific explanation wins: a copied-through or
// misaligned pair makes its number/name/length differences noise.
const SUPERSEDES: Record<string, string[]> = {
  untranslated: ['misalignment', 'numbers', 'entities', 'negation', 'length-ratio', 'lexical-coverage', 'quotes'],
  misalignment: ['numbers', 'entities', 'negation', 'length-ratio', 'lexical-coverage', 'quotes'],
};

export function detectPair(src: SegmentedDoc, tgt: SegmentedDoc, beads: Bead[], opts: DetectPairOptions = {}): PlacedPairFinding[] {
  const detectors = opts.detectors ?? pairDetectors;
  const out: PlacedPairFinding[] = [];
  beads.forEach((bead, b) => {
    const ctxBase: Omit<PairContext, 'thresholds'> = {
      src: bead.src.map((i) => src.segments[i]!),
      tgt: bead.tgt.map((j) => tgt.segments[j]!),
      srcLang: opts.srcLang ?? src.lang,
      tgtLang: opts.tgtLang ?? tgt.lang,
      bead,
      srcDoc: src,
      tgtDoc: tgt,
    };
    const found: PairFinding[] = [];
    for (const d of detectors) found.push(...d.run({ ...ctxBase, thresholds: thresholdsFor(d, opts.thresholds ?? {}) }));
    const silenced = new Set(found.flatMap((f) => SUPERSEDES[f.detector] ?? []));
    for (const f of found) {
      if (silenced.has(f.detector)) continue;
      const side = f.side ?? 'tgt';
      out.push({
        bead: b,
        side,
        src: bead.src,
        tgt: bead.tgt,
        srcSpan: side === 'src' ? f.span : f.otherSpan,
        tgtSpan: side === 'tgt' ? f.span : f.otherSpan,
        finding: f,
      });
    }
  });
  return out;
}
