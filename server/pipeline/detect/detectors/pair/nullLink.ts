import type { PairDetector } from '../../types.js';
import { pairFinding, sideText, touchesBoilerplate } from '../../pairText.js';
import { th } from '../../thresholds.js';

// A null link between a source and its translation: a real sentence with no counterpart (omitted from the
// translation, or added by it). Scrape junk is left to the boilerplate check.

export const nullLinkDetector: PairDetector = {
  id: 'null-link',
  name: 'Omitted or added sentence',
  description: 'A sentence has no counterpart on the other side: omitted from, or added by, the translation.',
  category: 'accuracy/omission',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: { minWords: 4, majorWords: 8 },
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
