import { lemmaSynsets, lookup } from '../../server/lang/wordnet/index.js';
import { pick, wordsOf } from './words.js';
import type { Family, Piece } from './types.js';

// (e) Proper-noun swaps by a sense-blind spinner: it looks a capitalised word up like any other and puts a
// synset-mate of any of its senses in its place, lowercase as the thesaurus writes it ("Louis van Gaal" →
// "prizefighter van Gaal", "Derby" → "bowler"). A spinner's trace, so gold kind 'spin': the claim is
// garbled, not replaced by another claim (a name swapped for another NAME is a meaning edit, meaning.ts).

function mate(word: string, r: () => number): string | null {
  const hits = lookup(word.toLowerCase());
  if (hits.length === 0) return null;
  for (let k = 0; k < 6; k++) {
    const h = pick(r, hits);
    const syns = lemmaSynsets(h.lemma, h.pos);
    if (syns.length === 0) continue;
    const others = pick(r, syns).words.filter((w) => w !== h.lemma && /^[a-z_'-]+$/.test(w));
    if (others.length) return pick(r, others).replace(/_/g, ' ');
  }
  return null;
}

export const namesFamily: Family = {
  id: 'proper-noun',
  describes:
    'proper nouns swapped by a sense-blind spinner for a synset-mate of a common-noun sense ("Derby" → "bowler")',
  pieces(original, r, opts) {
    const out: Piece[] = [];
    for (const w of wordsOf(original)) {
      if (w.sentenceStart || !/^\p{Lu}\p{Ll}/u.test(w.text)) continue;
      if (r() >= Math.min(1, opts.rate * 2)) continue;
      const rep = mate(w.text, r);
      if (rep && rep.toLowerCase() !== w.text.toLowerCase())
        out.push({ start: w.start, end: w.end, replacement: rep, kind: 'spin', by: 'proper-noun' });
    }
    return out;
  },
};
