import type { Bead, Lang, SegmentedDoc, Span } from '../types.js';
import type { PairContext, PairDetector, PairFinding } from './types.js';
import { pairDetectors } from './registry.js';
import { th, thresholdsFor, type ThresholdConfig } from './thresholds.js';
import { pairRegime } from './regime.js';
import { comparableSummary, nullLinkDetector } from './detectors/pair/nullLink.js';

// Pair detection over an alignment: every bead between a source and its translation, every pair detector.
// Findings come back placed on both sides (src/tgt sentence indexes and spans), whichever side they flag.

export interface PlacedPairFinding {
  bead: number; // index into beads; -1 for a finding about the whole pair of documents (comparable articles)
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

export function detectPair(
  src: SegmentedDoc,
  tgt: SegmentedDoc,
  beads: Bead[],
  opts: DetectPairOptions = {},
): PlacedPairFinding[] {
  const detectors = opts.detectors ?? pairDetectors;
  const out: PlacedPairFinding[] = [];
  const nl = thresholdsFor(nullLinkDetector, opts.thresholds ?? {});
  const regime = pairRegime(src, tgt, beads, {
    comparableCoverage: th(nullLinkDetector, nl, 'comparableCoverage'),
    minSentences: th(nullLinkDetector, nl, 'minSentences'),
    minWords: th(nullLinkDetector, nl, 'minWords'),
  });
  if (regime.kind === 'comparable' && detectors.includes(nullLinkDetector)) {
    const f = comparableSummary(regime);
    out.push({ bead: -1, side: 'src', src: [], tgt: [], srcSpan: null, tgtSpan: null, finding: f });
  }
  // each detector's thresholds once per document pair, not once per bead (read-only to the detectors)
  const thresholds = detectors.map((d) => thresholdsFor(d, opts.thresholds ?? {}));
  beads.forEach((bead, b) => {
    const ctxBase: Omit<PairContext, 'thresholds'> = {
      src: bead.src.map((i) => src.segments[i]!),
      tgt: bead.tgt.map((j) => tgt.segments[j]!),
      srcLang: opts.srcLang ?? src.lang,
      tgtLang: opts.tgtLang ?? tgt.lang,
      bead,
      srcDoc: src,
      tgtDoc: tgt,
      regime,
    };
    const found: PairFinding[] = [];
    detectors.forEach((d, k) => found.push(...d.run({ ...ctxBase, thresholds: thresholds[k]! })));
    // Only a major explanation silences the others: a minor one (a loose pair a neighbour beats by a little, a
    // source of names not recognised as English) is a hint, and a name swapped or a negation added beside it stands.
    const silenced = new Set(found.filter((f) => f.severity !== 'minor').flatMap((f) => SUPERSEDES[f.detector] ?? []));
    for (const found1 of found) {
      if (silenced.has(found1.detector)) continue;
      const f = regime.kind === 'comparable' ? comparableFinding(found1) : found1;
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

/**
 * Two articles on one event are not translations of each other: a name or number one of them adds to a shared
 * sentence is reporting, not mistranslation. Such findings stay visible as minor hints with lower confidence;
 * a sentence left in the wrong language is still major.
 */
function comparableFinding(f: PairFinding): PairFinding {
  if (f.detector === 'untranslated' || f.severity === 'minor') return f;
  return { ...f, severity: 'minor', confidence: f.confidence / 2, evidence: { ...f.evidence, regime: 'comparable' } };
}
