import type { PairDetector } from '../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import { entityIn, extractEntities, isCommonWord, missingTokens, nameIndex } from '../../../../lang/entities.js';
import { th } from '../../thresholds.js';

// Names (people, places, organisations, titles written as names) must appear on both sides. Tagalog respells
// some (Rusya), marks persons with si/ni/kay, and hyphenation varies (Kim Jong-un / Kim Jong Un): entityIn copes.

export const entitiesDetector: PairDetector = {
  id: 'entities',
  name: 'Named entities',
  description: 'A name on one side is missing from the other, or replaced by a different name.',
  category: 'accuracy/mistranslation',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: { minUnmatched: 1 },
  examples: {
    pass: [
      { src: 'Vladimir Putin greeted Kim Jong-un in eastern Russia.', tgt: 'Binati ni Vladimir Putin si Kim Jong Un sa silangang Rusya.' },
      { src: 'The pilot was identified as Squadron Leader Dilokrit Pattavee.', tgt: 'Kinilala ang piloto bilang ang Pinuno ng Squadron na si Dilokrit Pattavee.' },
    ],
    fail: [
      { src: 'Vladimir Putin greeted Kim Jong Un in Moscow.', tgt: 'Binati ni Vladimir Putin si Xi Jinping sa Moscow.', note: 'person swapped' },
      { src: 'The talks were held in Pyongyang.', tgt: 'Ginanap ang pag-uusap sa Seoul.', note: 'place swapped' },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx)) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    const se = extractEntities(s.text, ctx.srcLang);
    const te = extractEntities(t.text, ctx.tgtLang);
    const si = nameIndex(s.text, ctx.srcLang);
    const ti = nameIndex(t.text, ctx.tgtLang);
    const onlySrc = se.filter((e) => !entityIn(e, ti, ctx.srcLang));
    const onlyTgt = te.filter((e) => !entityIn(e, si, ctx.tgtLang));
    const score = onlySrc.length + onlyTgt.length;
    if (score < th(this, ctx.thresholds, 'minUnmatched')) return [];
    // A name missing on one side and a new one on the other is a substitution (major); a lone missing or
    // extra name is often a paraphrase or a translated common noun written with a capital (minor).
    const swapped = onlySrc.length > 0 && onlyTgt.length > 0;
    // A lone missing name is major when it is a real name (no word of it is a common word in the lexicon).
    const properName = (e: { text: string }, lang: typeof ctx.srcLang) =>
      !/^\p{Lu}{2,5}s?$/u.test(e.text) && e.text.split(/[\s-]+/).every((w) => w.length > 2 && !isCommonWord(w.replace(/['’]s$/, ''), lang));
    // In Tagalog, a capitalised word the lexicon does not know is as often an affixed native word ("Daungan",
    // "Pangsalpok") as a name: there a lone name must look foreign (c, f, j, q, v, x, z are not native letters).
    const lonely = (e: { text: string }, lang: typeof ctx.srcLang) => properName(e, lang) && (lang !== 'tl' || /[cfjqvxz]/i.test(e.text));
    const lone = onlySrc.some((e) => lonely(e, ctx.srcLang)) || onlyTgt.some((e) => lonely(e, ctx.tgtLang));
    // Word level: a name word gone on one side and another on the other, one of them a real name
    // ("Squadron Leader" / "Pinuno ng Armenia").
    const srcWords = se.flatMap((e) => missingTokens(e, ti, ctx.srcLang));
    const tgtWords = te.flatMap((e) => missingTokens(e, si, ctx.tgtLang));
    const wordSwap =
      srcWords.length > 0 &&
      tgtWords.length > 0 &&
      (srcWords.some((w) => w.length > 2 && !isCommonWord(w, ctx.srcLang)) || tgtWords.some((w) => w.length > 2 && !isCommonWord(w, ctx.tgtLang)));
    const side = onlyTgt.length ? 'tgt' : 'src';
    const flagged = (side === 'tgt' ? onlyTgt : onlySrc)[0]!;
    const other = (side === 'tgt' ? onlySrc : onlyTgt)[0];
    const q = (xs: { text: string }[]) => xs.map((e) => `"${e.text}"`).join(', ');
    const message = swapped
      ? `Name ${q(onlySrc)} in the source appears as ${q(onlyTgt)} in the translation`
      : onlySrc.length
        ? `Name ${q(onlySrc)} in the source is missing from the translation`
        : `Name ${q(onlyTgt)} in the translation is not in the source`;
    return [
      pairFinding(this, ctx, {
        side,
        rawScore: score,
        severity: swapped || lone || wordSwap ? 'major' : 'minor',
        confidence: swapped ? 0.8 : lone ? 0.6 : 0.45,
        message,
        evidence: { source: onlySrc.map((e) => e.text), translation: onlyTgt.map((e) => e.text) },
        local: [flagged.start, flagged.end],
        otherLocal: other ? [other.start, other.end] : null,
        suggestion: swapped && side === 'tgt' && onlySrc.length === 1 && onlyTgt.length === 1 ? onlySrc[0]!.text : null,
      }),
    ];
  },
};
