import { lookup, lemmaSynsets, synsetAt } from '../../../lang/wordnet/index.js';
import { association } from './bigrams.js';
import { matchCase, type SpinFinding } from './finding.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './tokens.js';
import { resource, use } from '../../../core/resources.js';

// Function words spun into nouns. A sense-blind spinner looks "he" up like any word and finds helium and the
// Hebrew letter; it writes "letter" or "element" where "he" stood ("in": inch, indium; "as": arsenic). Clean
// prose has these words too, so one is flagged only when the neighbours on both sides go far better with the
// function word than with the word written, by web-scale pair counts: "letter was" against "he was". Only
// the function words' noun senses (symbols, letters, units) are followed: their adjective, verb and adverb
// senses ("in" → "successful", "just" → "fitting", "be" → "remain") are ordinary words that clean text uses
// in the same places (on the bench:batch corpus, five of six such flags were on clean TICO-19 sources).

export interface FunctionWordThresholds {
  /** how much better (PMI, natural log, the weaker side of the two doubled) the function word goes with both neighbours */
  minGain: number;
}

/** Word → the function words a sense-blind spinner may have replaced with it (noun synset-mates and hypernyms). */
const SPUN_FROM = resource('function words a spinner replaces', (): Map<string, readonly string[]> => {
  const out = new Map<string, string[]>();
  for (const w of STOPWORDS) {
    for (const h of lookup(w)) {
      for (const s of lemmaSynsets(h.lemma, h.pos)) {
        if (s.pos !== 'n') continue;
        const words = [...s.words];
        for (const p of s.pointers) if (p.symbol === '@') words.push(...synsetAt(p.pos, p.offset).words);
        for (const x of words) {
          if (!/^[a-z]+$/.test(x) || STOPWORDS.has(x) || x === w) continue;
          const list = out.get(x) ?? [];
          if (!list.includes(w)) list.push(w);
          out.set(x, list);
        }
      }
    }
  }
  return out;
});
const spunFrom = (): Map<string, readonly string[]> => use(SPUN_FROM);

const neighbour = (toks: readonly Token[], i: number): string | null => {
  const t = toks[i];
  return t && t.word && /^[a-z']+$/i.test(t.text) ? t.text.toLowerCase() : null;
};

export function functionWordFindings(text: string, th: FunctionWordThresholds): SpinFinding[] {
  const toks = tokenize(text);
  const from = spunFrom();
  const out: SpinFinding[] = [];
  toks.forEach((t, i) => {
    if (!t.word || !/^[a-z]+$/.test(t.text)) return;
    const ws = from.get(t.text);
    const left = neighbour(toks, i - 1);
    const right = neighbour(toks, i + 1);
    // both sides must speak: one neighbour alone is too often a coincidence ("new" / "other")
    if (!ws || left === null || right === null) return;
    const ownL = association(t.text, left, null);
    const ownR = association(t.text, null, right);
    let best: { w: string; gain: number } | null = null;
    for (const w of ws) {
      const gain = 2 * Math.min(association(w, left, null) - ownL, association(w, null, right) - ownR);
      if (!best || gain > best.gain) best = { w, gain };
    }
    if (!best || best.gain < th.minGain) return;
    out.push({
      start: t.start,
      end: t.end,
      text: t.text,
      kind: 'spin',
      suggestion: matchCase(t.text, best.w),
      confidence: Math.round(Math.min(0.85, 0.5 + 0.03 * best.gain) * 1000) / 1000,
      detector: 'spin-function-words',
    });
  });
  return out;
}
