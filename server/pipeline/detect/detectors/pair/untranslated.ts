import type { PairDetector } from '../../types.js';
import type { Lang } from '../../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import { guessLang, langScores } from '../../../../lang/langGuess.js';
import { plainWord } from '../../../../lang/numberWords.js';
import { th } from '../../thresholds.js';

// A translation still in the source language (copied through), or in a third language.

const LANG_NAME: Record<Lang, string> = { tl: 'Tagalog', en: 'English', other: 'another language' };
const norm = (s: string) =>
  plainWord(s)
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();

export const untranslatedDetector: PairDetector = {
  id: 'untranslated',
  name: 'Untranslated text',
  description:
    'The translation is still in the source language (or a third language), or repeats the source verbatim. A source side merely not recognised as English (names, jargon) is minor: language identification, not the translation, is in doubt.',
  category: 'accuracy/untranslated',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: { minWords: 3 },
  examples: {
    pass: [
      { src: 'The two leaders met at the cosmodrome.', tgt: 'Nagkita ang dalawang pinuno sa cosmodrome.' },
      { src: 'COVID-19', tgt: 'COVID-19', note: 'a bare name is the same in both' },
    ],
    fail: [
      { src: 'The two leaders met at the cosmodrome.', tgt: 'The two leaders met at the cosmodrome.' },
      { src: 'Do you have any pain in your chest?', tgt: 'Do you have pain in the chest?', note: 'still English' },
      {
        src: 'Nagkita ang dalawang pinuno sa lungsod.',
        tgt: 'Nagkita ang mga pinuno sa lungsod kahapon.',
        srcLang: 'en',
        tgtLang: 'tl',
        note: 'source side is Tagalog: the pair was never translated',
        severity: 'major',
      },
      {
        src: "Watch: Liverpool's Daniel Sturridge dips deep equalizer vs. Chelsea",
        tgt: 'Panoorin: Daniel Sturridge ng Liverpool pumuntos para pantayin ang laban sa Chelsea',
        note: 'a headline of names not recognised as English, translated all the same: minor (NTREX-128)',
        severity: 'minor',
      },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx) || ctx.srcLang === ctx.tgtLang) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    const minWords = th(this, ctx.thresholds, 'minWords');
    const identical = norm(s.text) === norm(t.text) && /\p{Ll}/u.test(t.text) && langScores(t.text).words >= minWords;
    const check = (text: string, expected: Lang, other: Lang): Lang | null => {
      if (langScores(text).words < minWords) return null;
      const g = guessLang(text, expected);
      return g !== expected && (g === other || g === 'other') ? g : null;
    };
    const tgtLang = identical ? ctx.srcLang : check(t.text, ctx.tgtLang, ctx.srcLang);
    const srcLang = tgtLang ? null : check(s.text, ctx.srcLang, ctx.tgtLang);
    if (!tgtLang && !srcLang) return [];
    const side = tgtLang ? 'tgt' : 'src';
    const found = (tgtLang ?? srcLang)!;
    const message = identical
      ? 'The translation repeats the source verbatim: it was left untranslated'
      : side === 'tgt'
        ? `The translation is in ${LANG_NAME[found]}, not ${LANG_NAME[ctx.tgtLang]}: left untranslated`
        : `The source side is in ${LANG_NAME[found]}, not ${LANG_NAME[ctx.srcLang]}: the pair was not translated`;
    // A source side in the translation's language was never translated. One merely not recognised as English
    // ("Watch: Liverpool's Daniel Sturridge dips deep equalizer vs. Chelsea", a list of Latin species names) is
    // most often names and jargon that fool language identification, while its translation reads as it should:
    // weak evidence, a minor flag.
    const weak = side === 'src' && found !== ctx.tgtLang;
    return [
      pairFinding(this, ctx, {
        side,
        rawScore: 1,
        severity: weak ? 'minor' : 'major',
        confidence: identical ? 0.95 : weak ? 0.4 : 0.8,
        message,
        evidence: { expected: side === 'tgt' ? ctx.tgtLang : ctx.srcLang, found, identical },
      }),
    ];
  },
};
