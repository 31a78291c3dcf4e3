import type { PairDetector } from '../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import { negationCues, softNegation } from '../../../../lang/negation.js';
import { th } from '../../thresholds.js';

// Polarity must survive translation: hindi/huwag/wala/ayaw ↔ not/n't/never/no/without.

export const negationDetector: PairDetector = {
  id: 'negation',
  name: 'Negation',
  description: 'One side is negated (hindi, huwag, wala / not, never, no) and the other is not.',
  category: 'accuracy/mistranslation',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: { minDifference: 1 },
  examples: {
    pass: [
      { src: 'The minister did not sign the deal.', tgt: 'Hindi pinirmahan ng ministro ang kasunduan.' },
      { src: 'There is no water in the village.', tgt: 'Walang tubig sa nayon.' },
      { src: 'The leaders met in the city.', tgt: 'Nagkita ang mga pinuno sa lungsod.' },
    ],
    fail: [
      { src: 'The minister signed the deal.', tgt: 'Hindi pinirmahan ng ministro ang kasunduan.', note: 'negation added' },
      { src: "Russia won't send weapons.", tgt: 'Magpapadala ng armas ang Rusya.', note: 'negation lost' },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx)) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    const sc = negationCues(s.text, ctx.srcLang);
    const tc = negationCues(t.text, ctx.tgtLang);
    const diff = Math.abs(sc.length - tc.length);
    if (diff < th(this, ctx.thresholds, 'minDifference')) return [];
    const flipped = (sc.length > 0) !== (tc.length > 0);
    // A particle on one side may be carried by a word on the other ("unknown" / "hindi alam", "at least" /
    // "hindi bababa"): a side has unexplained negation only beyond the other side's particles and such words.
    const softS = softNegation(s.text, ctx.srcLang);
    const softT = softNegation(t.text, ctx.tgtLang);
    const excessS = sc.length - tc.length - softT;
    const excessT = tc.length - sc.length - softS;
    const major = Math.max(excessS, excessT) >= 1;
    const side = excessS >= 1 ? 'src' : excessT >= 1 ? 'tgt' : tc.length >= sc.length ? 'tgt' : 'src';
    const cue = (side === 'tgt' ? tc : sc)[0];
    const otherCue = (side === 'tgt' ? sc : tc)[0];
    const message = flipped
      ? tc.length
        ? `The translation is negated ("${tc.map((c) => c.cue).join('", "')}") but the source is not`
        : `The source is negated ("${sc.map((c) => c.cue).join('", "')}") but the translation is not`
      : `Different number of negations: ${sc.length} in the source, ${tc.length} in the translation`;
    return [
      pairFinding(this, ctx, {
        side,
        rawScore: diff,
        severity: major ? 'major' : 'minor',
        confidence: major ? (flipped ? 0.85 : 0.65) : 0.35,
        message,
        evidence: { source: sc.map((c) => c.cue), translation: tc.map((c) => c.cue), softSource: softS, softTranslation: softT },
        local: cue ? [cue.start, cue.end] : null,
        otherLocal: otherCue ? [otherCue.start, otherCue.end] : null,
      }),
    ];
  },
};
