import type { PairDetector, PairFinding } from '../../types.js';
import type { PairRegime } from '../../regime.js';
import { pairFinding, sideText, touchesBoilerplate } from '../../pairText.js';
import { th } from '../../thresholds.js';

// A null link between a source and its translation: a real sentence with no counterpart (omitted from the
// translation, or added by it). Scrape junk is left to the boilerplate check. In a comparable pair (two articles
// on one event, not a translation) unmatched sentences are the norm: one summary finding says so instead.

export const nullLinkDetector: PairDetector = {
  id: 'null-link',
  name: 'Omitted or added sentence',
  description: 'A sentence has no counterpart on the other side: omitted from, or added by, the translation.',
  category: 'accuracy/omission',
  defaultSeverity: 'major',
  scope: 'pair',
  // comparableCoverage/minSentences decide the pair's regime (see regime.ts): seeds 000 vs 001/002/004 link
  // 12–36% of a side; translations (FLORES/TICO documents, aligned) link over 90%.
  thresholds: { minWords: 4, majorWords: 8, comparableCoverage: 0.5, minSentences: 8 },
  examples: {
    pass: [{ src: 'The leaders met.', tgt: 'Nagkita ang mga pinuno.' }],
    fail: [
      {
        src: 'The leaders met at the cosmodrome on Wednesday afternoon.',
        tgt: '',
        note: 'an empty side is a null link (examples with an empty side run as a 1-0 bead)',
      },
    ],
  },
  run(ctx) {
    if (ctx.regime?.kind === 'comparable') return [];
    if (touchesBoilerplate(ctx) || (ctx.src.length > 0 && ctx.tgt.length > 0)) return [];
    const side = ctx.tgt.length ? 'tgt' : 'src';
    const text = sideText(side === 'tgt' ? ctx.tgt : ctx.src).text;
    const words = text.match(/[\p{L}\d]+/gu)?.length ?? 0;
    if (words < th(this, ctx.thresholds, 'minWords')) return [];
    const major = words >= th(this, ctx.thresholds, 'majorWords');
    return [
      pairFinding(this, ctx, {
        side,
        category: side === 'src' ? 'accuracy/omission' : 'accuracy/addition',
        rawScore: words,
        severity: major ? 'major' : 'minor',
        confidence: major ? 0.7 : 0.5,
        message:
          side === 'src'
            ? `This source sentence (${words} words) has no counterpart in the translation: omitted`
            : `This sentence of the translation (${words} words) has no counterpart in the source: added`,
        evidence: { words },
      }),
    ];
  },
};

/**
 * The one finding a comparable pair gets in place of a null link per unmatched sentence. It names no sentence
 * (both spans null): it is about the two documents.
 */
export function comparableSummary(r: PairRegime): PairFinding {
  return {
    detector: nullLinkDetector.id,
    category: 'source/misalignment',
    severity: 'minor',
    confidence: Math.min(0.95, 0.5 + (0.5 - r.coverage)),
    rawScore: r.coverage,
    segments: [],
    otherSegments: [],
    span: null,
    otherSpan: null,
    message:
      `These articles are comparable, not translations of each other: ${r.srcLinked} of ${r.srcContent} source sentences ` +
      `and ${r.tgtLinked} of ${r.tgtContent} sentences of the other article correspond; ` +
      'sentences without a counterpart are expected and not flagged one by one',
    evidence: {
      regime: r.kind,
      coverage: Number(r.coverage.toFixed(3)),
      srcLinked: r.srcLinked,
      srcContent: r.srcContent,
      tgtLinked: r.tgtLinked,
      tgtContent: r.tgtContent,
    },
    suggestion: null,
    side: 'src',
  };
}
