import type { PairDetector } from '../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import { th } from '../../thresholds.js';

// Quotations: a quoted statement on one side should be quoted on the other (a dropped quotation turns
// reported speech into the writer's own claim). Contents are checked by the numbers/names/negation checks.

const QUOTE = /“([^”]{3,})”|"([^"]{3,})"|«([^»]{3,})»/gu;

export function quotations(text: string): { start: number; end: number; inner: string }[] {
  return [...text.matchAll(QUOTE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    inner: m[1] ?? m[2] ?? m[3] ?? '',
  }));
}

export const quotesDetector: PairDetector = {
  id: 'quotes',
  name: 'Quotations',
  description: 'A quotation on one side is missing or unquoted on the other.',
  category: 'accuracy/mistranslation',
  defaultSeverity: 'minor',
  scope: 'pair',
  thresholds: { minDifference: 1, minQuoteWords: 3 },
  examples: {
    pass: [{ src: '“I am very glad to see you,” Putin said.', tgt: '“Natutuwa akong makita ka,” sabi ni Putin.' }],
    fail: [
      {
        src: '“There are prospects here too,” Putin said on television.',
        tgt: 'Sinabi ni Putin sa telebisyon na may mga posibilidad din dito.',
        note: 'quotation became reported speech',
      },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx)) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    const minWords = th(this, ctx.thresholds, 'minQuoteWords');
    const long = (q: { inner: string }) => (q.inner.match(/[\p{L}\d]+/gu)?.length ?? 0) >= minWords;
    const sq = quotations(s.text).filter(long);
    const tq = quotations(t.text).filter(long);
    const diff = Math.abs(sq.length - tq.length);
    // A minimum of 0 reads as 1: with the same number of quotations there is none to point at.
    if (diff < Math.max(1, th(this, ctx.thresholds, 'minDifference'))) return [];
    const side = sq.length > tq.length ? 'src' : 'tgt';
    const q = (side === 'src' ? sq : tq)[0]!;
    return [
      pairFinding(this, ctx, {
        side,
        rawScore: diff,
        severity: 'minor',
        confidence: 0.5,
        message:
          side === 'src'
            ? `The quotation “${q.inner.slice(0, 60)}” in the source is not quoted in the translation`
            : `The translation quotes “${q.inner.slice(0, 60)}”, which is not a quotation in the source`,
        evidence: { sourceQuotes: sq.length, translationQuotes: tq.length },
        local: [q.start, q.end],
      }),
    ];
  },
};
