import { detectLang } from './langid.js';
import type { Lang } from '../pipeline/types.js';

// Is this sentence Tagalog, English or something else? Function words decide for tl/en (they are frequent,
// short sentences included); the project's language id (restricted franc) only when there is none.

const TL = new Set(
  'ang ng sa mga na ay si ni kay at ito iyon siya sila kami tayo namin natin nila niya ko mo ka ako ikaw hindi huwag wala walang may mayroon para upang kung dahil pero ngunit nang noong din rin lamang lang po ba pa na rin ay kanilang kaniyang kanyang iyong aking ating mula tungkol bilang habang kapag nito niyon doon dito diyan ayon isang yung yun naman talaga siguro ganito ganyan iba ibang lahat bawat'.split(
    ' ',
  ),
);
const EN = new Set(
  'the of and to a in is was are were be been that this for on with as by at from it its he she they we you i his her their our not but or an which who has have had will would can could should there what when if about into than then also after before more most such these those do does did no so up out all one'.split(
    ' ',
  ),
);

export interface LangScores {
  tl: number;
  en: number;
  words: number;
}

export function langScores(text: string): LangScores {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let tl = 0;
  let en = 0;
  for (const w of words) {
    if (TL.has(w)) tl++;
    if (EN.has(w)) en++;
  }
  return { tl, en, words: words.length };
}

/** The language of a sentence; `fallback` when the evidence is too thin (short lines, names, numbers). */
export function guessLang(text: string, fallback: Lang): Lang {
  const s = langScores(text);
  if (s.tl === 0 && s.en === 0) {
    // No function word at all: trigram statistics (restricted to the languages we meet) on enough words.
    return s.words >= 8 ? (detectLang(text) ?? fallback) : fallback;
  }
  if (s.tl > s.en * 1.5 && s.tl >= 1) return 'tl';
  if (s.en > s.tl * 1.5 && s.en >= 1) return 'en';
  return fallback;
}
