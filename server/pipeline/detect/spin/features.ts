import { pairCount } from '../../../lang/wordnet/glossgrams.js';
import { centroid, fit, hasVector, newsRank } from '../../../lang/vectors.js';
import { STOPWORDS } from './stopwords.js';
import type { Token } from './tokens.js';
import type { Unit } from './units.js';

// Raw evidence that a unit is a spinner's substitute, kept apart from any decision (the model weighs it):
// how much better a synset-mate fits the neighbours (word vectors), how much rarer the unit is than its
// commonest mate, how usual the unit is in its senses, and what WordNet's glosses say of the pairs.

export const FEATURES = ['gain', 'noVector', 'logRank', 'freqGain', 'multi', 'lemmaTags', 'mateTags', 'combined', 'mates', 'glossGain', 'ownFit', 'channel'] as const;
export type FeatureName = (typeof FEATURES)[number];

export interface Scored {
  unit: Unit;
  x: number[]; // in FEATURES order
  /** the mate the evidence points to: the suggestion */
  suggestion: string;
}

const WINDOW = 6; // content units each side that make a unit's context
/** how sharply the context sways word choice in the channel model (cosine → log-odds) */
const LAMBDA = 10;

function rankOf(form: string): number {
  let worst = 1;
  for (const p of form.split(' ')) worst = Math.max(worst, newsRank(p));
  return worst;
}

/** Log of a rough unigram probability (Zipf: ∝ 1/rank); a phrase as its rarest word's, each further word
 * costing a factor PHRASE: writers seldom spell out a WordNet phrase where one word would do. */
const PHRASE = Math.log(1000);
function logP(form: string): number {
  return -Math.log(rankOf(form)) - (form.split(' ').length - 1) * PHRASE;
}

function neighbour(toks: Token[], i: number): string | null {
  const t = toks[i];
  return t && t.word ? t.text.toLowerCase() : null;
}

/** Features of every unit that has mates (a unit without one cannot be a WordNet substitute). */
export function unitFeatures(units: Unit[], toks: Token[]): Scored[] {
  const out: Scored[] = [];
  units.forEach((u, ui) => {
    if (u.mates.length === 0) return;
    const ctxWords: string[] = [];
    for (let j = Math.max(0, ui - WINDOW); j <= Math.min(units.length - 1, ui + WINDOW); j++) if (j !== ui) ctxWords.push(...(units[j] as Unit).form.split(' '));
    const ctx = centroid(ctxWords);
    const own = ctx ? fit(u.form, ctx, STOPWORDS) : null;
    const ownRank = rankOf(u.form);
    const left = neighbour(toks, u.tok - 1);
    const right = neighbour(toks, u.tok + u.words);
    const pairs = (w: string): number => (left ? pairCount(left, w.split(' ')[0] as string) : 0) + (right ? pairCount(w.split(' ').at(-1) as string, right) : 0);
    const ownPairs = pairs(u.form);
    let gain = -1;
    let freqGain = 0;
    let combined = -1;
    let glossGain = 0;
    // noisy channel: a writer picks w with p ∝ exp(λ·fit(w)) / rank(w); a spinner writes the unit for a
    // mate m with p(m)·q(unit | m). The log ratio of the two is the evidence.
    const lp = (form: string, f: number | null): number => logP(form) + LAMBDA * (f ?? 0);
    const natural = lp(u.form, own);
    let spunMass = 0;
    let best = u.mates[0]?.form ?? '';
    let bestMass = -1;
    let bestTags = 0;
    for (const m of u.mates) {
      const mf = ctx ? fit(m.form, ctx, STOPWORDS) : null;
      const g = mf === null ? -1 : mf - (own ?? 0);
      const fg = Math.max(0, Math.log(ownRank / rankOf(m.form)));
      const c = g + 0.1 * fg;
      const mass = Math.exp(lp(m.form, mf) - natural) * m.q;
      spunMass += mass;
      // the suggestion is the mate the channel most likely started from
      if (mass > bestMass) {
        bestMass = mass;
        best = m.form;
      }
      if (g > gain) gain = g;
      if (fg > freqGain) freqGain = fg;
      glossGain = Math.max(glossGain, Math.log((pairs(m.form) + 1) / (ownPairs + 1)));
      if (c > combined || (c === combined && m.senseTags > bestTags)) {
        combined = c;
        bestTags = m.senseTags;
      }
    }
    const noVector = u.words === 1 && !hasVector(u.form) ? 1 : 0;
    out.push({
      unit: u,
      suggestion: best,
      x: [gain, noVector, Math.log(ownRank) / 10, freqGain / 10, u.words > 1 ? 1 : 0, Math.log1p(u.lemmaTags) / 5, Math.log1p(bestTags) / 5, combined, Math.log1p(u.mates.length) / 3, glossGain / 3, own ?? 0, Math.log(spunMass + 1e-9) / 5],
    });
  });
  return out;
}
