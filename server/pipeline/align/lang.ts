import type { Lang } from '../types.js';
import { isEnStopword, words, fold } from '../../lang/text-norm.js';
import { loadLexicon } from '../../lang/lexicon.js';

// Which aligner mode a side needs depends on its language. Segmentation reports one; this checks it with
// function-word rates, which are decisive on a whole document (Tagalog "ang/ng/sa/mga" vs English "the/of/and"),
// so a side the segmenter could not place (or placed by default) still gets the lexicon or the right mode.
const DECISIVE = 0.12;

export function sideLang(reported: Lang, sentences: string[]): Lang {
  const lex = loadLexicon();
  let tl = 0;
  let en = 0;
  let total = 0;
  for (const s of sentences) {
    for (const w of words(s)) {
      const f = fold(w);
      total++;
      if (lex.isTlStopword(f)) tl++;
      else if (isEnStopword(f)) en++;
    }
  }
  if (total < 20) return reported;
  const tlRate = tl / total;
  const enRate = en / total;
  if (tlRate >= DECISIVE && tlRate > 2 * enRate) return 'tl';
  if (enRate >= DECISIVE && enRate > 2 * tlRate) return 'en';
  if (tlRate < DECISIVE / 2 && enRate < DECISIVE / 2) return 'other';
  return reported;
}
