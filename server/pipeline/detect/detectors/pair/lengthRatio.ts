import type { PairDetector } from '../../types.js';
import type { Lang } from '../../../types.js';
import { isContentPair, pairFinding, sideText, weakComparableLink } from '../../pairText.js';
import { th } from '../../thresholds.js';

// Gale–Church length check: Tagalog runs ~1.25× the characters of English (measured on FLORES-200 and
// TICO-19 dev: 1.26 and 1.24, variance per character ≈ 2.8). A side far shorter than expected has likely lost
// part of the sentence (a missing second half); far longer, it likely adds text. A sentence that stops without
// final punctuation while the other side ends properly is the usual mark of a cut.

export const TL_PER_EN = 1.25;
const VARIANCE = 2.8;

/** z-score of the length of `b` given `a` (positive: `b` longer than expected). */
export function lengthZ(a: string, aLang: Lang, b: string, bLang: Lang): number {
  const c =
    aLang === bLang
      ? 1
      : aLang === 'en' && bLang === 'tl'
        ? TL_PER_EN
        : aLang === 'tl' && bLang === 'en'
          ? 1 / TL_PER_EN
          : 1;
  const la = Math.max(a.length, 1);
  return (b.length - c * la) / Math.sqrt(VARIANCE * Math.max(la * c, 1));
}

const ENDED = /[.!?…:;"”'’)\]»]\s*$/u;

export const lengthRatioDetector: PairDetector = {
  id: 'length-ratio',
  name: 'Length ratio (truncation)',
  description: 'One side is far shorter than the other for this language pair: part of the sentence is missing.',
  category: 'accuracy/omission',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: { minorZ: 2.0, majorZ: 3.0, cutBonus: 1.2, minChars: 20, comparableMinLinkScore: 0.7 },
  examples: {
    pass: [
      {
        src: 'Putin and Kim began talks with a focus on developing business and commercial connections.',
        tgt: 'Sinimulan nina Putin at Kim ang mga pag-uusap na nakatuon sa pagpapaunlad ng negosyo at komersiyal na ugnayan.',
      },
    ],
    fail: [
      {
        src: 'Putin and Kim began talks with a focus on developing business and commercial connections, addressing humanitarian concerns, and talking about the situation in the region.',
        tgt: 'Sinimulan nina Putin at Kim ang mga pag-uusap na nakatuon sa',
        note: 'second half missing',
      },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx) || ctx.srcLang === ctx.tgtLang) return [];
    if (weakComparableLink(ctx, th(this, ctx.thresholds, 'comparableMinLinkScore'))) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    if (Math.max(s.text.length, t.text.length) < th(this, ctx.thresholds, 'minChars')) return [];
    const z = lengthZ(s.text, ctx.srcLang, t.text, ctx.tgtLang);
    const shorter = z < 0 ? t : s;
    const longer = z < 0 ? s : t;
    const cut = ENDED.test(longer.text) && !ENDED.test(shorter.text);
    const score = Math.abs(z) + (cut ? th(this, ctx.thresholds, 'cutBonus') : 0);
    if (score < th(this, ctx.thresholds, 'minorZ')) return [];
    const side = z < 0 ? 'tgt' : 'src';
    const ratio = t.text.length / Math.max(s.text.length, 1);
    const which = side === 'tgt' ? 'translation' : 'source';
    const message =
      `The ${which} is much shorter than expected for ${ctx.srcLang}→${ctx.tgtLang} (length ratio ${ratio.toFixed(2)}, z = ${z.toFixed(1)})` +
      (cut ? ` and stops without final punctuation: its second part looks missing` : ': part of it may be missing');
    return [
      pairFinding(this, ctx, {
        side,
        rawScore: score,
        severity: score >= th(this, ctx.thresholds, 'majorZ') ? 'major' : 'minor',
        confidence: Math.min(0.95, 0.4 + score / 10),
        message,
        evidence: { z: Number(z.toFixed(2)), ratio: Number(ratio.toFixed(3)), cut, expectedTlPerEn: TL_PER_EN },
        local: [Math.max(0, shorter.text.length - 1), shorter.text.length],
      }),
    ];
  },
};
