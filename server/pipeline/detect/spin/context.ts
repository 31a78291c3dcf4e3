import { formOf, inflect } from '../../../lang/wordnet/inflect.js';
import { pairCount } from '../../../lang/wordnet/glossgrams.js';
import { lemmaSynsets, lookup } from '../../../lang/wordnet/index.js';
import { frequencyRank } from '../../../lang/word-ranks.js';
import { LIGHT } from './stopwords.js';
import type { Token } from './tokens.js';
import { Memo, memoise } from '../../../memo.js';
import { resource, use } from '../../../core/resources.js';

// Evidence a sense-blind spinner leaves beyond rare words, asked of content words in spun-looking text.

/**
 * Context plausibility: a spinner's word seldom fits its neighbours, while the word it replaced did. The
 * word pairs come from WordNet's glosses (glossgrams.ts). A word is a misfit when one of its single-word
 * synset-mates, no rarer than the word itself, pairs with the neighbours at least `minPairs` times and
 * `ratio` times as often as the word does (plus one): "the soul" vs "the person", "similar to" vs "like to".
 */
export function contextCandidate(
  form: string,
  left: string | null,
  right: string | null,
  minPairs: number,
  ratio: number,
): { suggestion: string; ratio: number } | null {
  if (left === null && right === null) return null;
  // a pure function of its arguments, asked of the same word triples across a batch's documents
  return use(CONTEXT_MEMO_MEMO).get(`${minPairs} ${ratio} ${left ?? ''} ${form} ${right ?? ''}`, () => {
    const fit = (x: string): number => (left ? pairCount(left, x) : 0) + (right ? pairCount(x, right) : 0);
    const mine = fit(form);
    const own = frequencyRank(form);
    let best: { form: string; fit: number; rank: number } | null = null;
    for (const h of lookup(form)) {
      const f = formOf(form, h.lemma, h.pos) ?? 'base';
      for (const s of lemmaSynsets(h.lemma, h.pos)) {
        for (const w of s.words) {
          if (w === h.lemma || w.includes('_')) continue;
          const v = inflect(w, f, h.pos);
          const rank = frequencyRank(v);
          if (rank > own) continue;
          const n = fit(v);
          if (n >= minPairs && n >= ratio * (mine + 1) && (!best || n > best.fit)) best = { form: v, fit: n, rank };
        }
      }
    }
    return best ? { suggestion: best.form, ratio: Math.max(1, own / best.rank) } : null;
  });
}

const CONTEXT_MEMO_MEMO = resource(
  'spin context suggestions (memo)',
  () => new Memo<string, { suggestion: string; ratio: number } | null>(200_000),
);

/**
 * A multiword lemma with particles ("looked on", "set about", "blank out") whose commonest single-word
 * synset-mate is a common word ("watched", "began", "forget"): in spun text, the spinner's phrase for it.
 * Clean prose is full of such phrasal verbs, hence only asked once a text looks spun.
 */
export function spunPhraseAt(
  toks: readonly Token[],
  i: number,
  text: string,
  mateRank: number,
): { start: number; end: number; suggestion: string; words: number } | null {
  for (const n of [4, 3, 2]) {
    const ws = toks.slice(i, i + n);
    if (
      ws.length < n ||
      !ws.every((t, j) => /^[a-z]+(?:'[a-z]+)?$/i.test(t.text) && (j === 0 || /^[a-z']+$/.test(t.text)))
    )
      continue;
    if (ws.some((t, j) => j > 0 && text.slice((ws[j - 1] as Token).end, t.start) !== ' ')) continue;
    if (LIGHT.has((ws[0] as Token).text.toLowerCase())) continue;
    const best = commonestMate(ws.map((t) => t.text.toLowerCase()).join(' '));
    if (best && best.rank <= mateRank)
      return { start: (ws[0] as Token).start, end: (ws[n - 1] as Token).end, suggestion: best.form, words: n };
  }
  return null;
}

/** The commonest single-word synset-mate of a phrase, in the phrase's form (memoised: phrases recur). */
const commonestMateOf = (phrase: string): { form: string; rank: number } | null => {
  let best: { form: string; rank: number } | null = null;
  for (const h of lookup(phrase)) {
    const f = formOf(phrase, h.lemma, h.pos) ?? 'base';
    for (const s of lemmaSynsets(h.lemma, h.pos)) {
      for (const w of s.words) {
        if (w.includes('_')) continue;
        const v = inflect(w, f, h.pos);
        const rank = frequencyRank(v);
        if (!best || rank < best.rank) best = { form: v, rank };
      }
    }
  }
  return best;
};
const COMMONEST_MATES = resource('commonest synset-mates (memo)', () => memoise(commonestMateOf, 200_000));
const commonestMate = (phrase: string): { form: string; rank: number } | null => use(COMMONEST_MATES)(phrase);
