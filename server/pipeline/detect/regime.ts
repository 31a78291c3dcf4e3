import type { Bead, SegmentedDoc } from '../types.js';

// The regime of a document pair, read off its alignment. A translation (parallel pair) links nearly every
// sentence, so a sentence left without a counterpart is an omission or an addition worth a reviewer's look.
// Two articles about the same event (comparable pair: the seeds 000 vs 001) share only some sentences: there an
// unmatched sentence is expected, and a weak link is the aligner's best guess, not a claimed translation.

export interface PairRegime {
  kind: 'parallel' | 'comparable';
  /** Content sentences (not scrape junk, at least `minWords` words) on each side, and how many are linked. */
  srcContent: number;
  srcLinked: number;
  tgtContent: number;
  tgtLinked: number;
  /** Linked share of the side that is least covered (0..1). */
  coverage: number;
}

export interface RegimeThresholds {
  /** Below this linked share on either side the pair is comparable. */
  comparableCoverage: number;
  /** Fewer content sentences than this on a side says nothing about the regime (a short translation). */
  minSentences: number;
  minWords: number;
}

const wordCount = (s: string) => s.match(/[\p{L}\d]+/gu)?.length ?? 0;

export function pairRegime(src: SegmentedDoc, tgt: SegmentedDoc, beads: Bead[], t: RegimeThresholds): PairRegime {
  const content = (doc: SegmentedDoc) =>
    new Set(doc.segments.filter((s) => !s.boilerplate && wordCount(s.text) >= t.minWords).map((s) => s.index));
  const sc = content(src);
  const tc = content(tgt);
  const linked = beads.filter((b) => b.src.length > 0 && b.tgt.length > 0);
  const srcLinked = new Set(linked.flatMap((b) => b.src).filter((i) => sc.has(i))).size;
  const tgtLinked = new Set(linked.flatMap((b) => b.tgt).filter((j) => tc.has(j))).size;
  const share = (n: number, of: number) => (of >= t.minSentences ? n / of : 1);
  const coverage = Math.min(share(srcLinked, sc.size), share(tgtLinked, tc.size));
  return {
    kind: coverage < t.comparableCoverage ? 'comparable' : 'parallel',
    srcContent: sc.size,
    srcLinked,
    tgtContent: tc.size,
    tgtLinked,
    coverage,
  };
}
