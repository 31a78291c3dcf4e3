import { glossWordId, pairCountOfIds } from '../../../lang/wordnet/glossgrams.js';
import { association, unigramCount } from './bigrams.js';
import { DIMS, dot, newsRank, vectorOf } from '../../../lang/vectors.js';
import { STOPWORDS } from './stopwords.js';
import type { Token } from './tokens.js';
import type { Mate, Unit } from './units.js';
import { resource, use } from '../../../core/resources.js';

// Raw evidence that a unit is a spinner's substitute, kept apart from any decision (the model weighs it):
// how much better a synset-mate fits the neighbours (word vectors), how much rarer the unit is than its
// commonest mate, how usual the unit is in its senses, and what WordNet's glosses say of the pairs.

export const FEATURES = [
  'gain',
  'noVector',
  'logRank',
  'freqGain',
  'multi',
  'lemmaTags',
  'mateTags',
  'combined',
  'mates',
  'glossGain',
  'ownFit',
  'channel',
  'pairGain',
  'ownPairs',
] as const;
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

/** What features.ts needs of a form, computed once per form (forms recur across a batch's documents). */
interface FormInfo {
  vec: Float32Array | null;
  rank: number; // a phrase ranks as its rarest word
  /** log of a rough unigram probability (Zipf: ∝ 1/rank); a phrase as its rarest word's, each further word
   * costing a factor PHRASE: writers seldom spell out a WordNet phrase where one word would do */
  logP: number;
  first: string;
  last: string;
  /** gloss table ids of the first and last word (glossWordId) */
  firstId: number;
  lastId: number;
}
const PHRASE = Math.log(1000);
const INFOS_MEMO = resource('spin form features (memo)', () => new Map<string, FormInfo>());
function info(form: string): FormInfo {
  const infos = use(INFOS_MEMO);
  let f = infos.get(form);
  if (f) return f;
  const parts = form.split(' ');
  let rank = 1;
  for (const p of parts) rank = Math.max(rank, newsRank(p));
  f = {
    vec: vectorOf(form, STOPWORDS),
    rank,
    logP: -Math.log(rank) - (parts.length - 1) * PHRASE,
    first: parts[0] as string,
    last: parts.at(-1) as string,
    firstId: glossWordId(parts[0] as string),
    lastId: glossWordId(parts.at(-1) as string),
  };
  if (infos.size > 100_000) infos.clear(); // bounded for long batch runs
  infos.set(form, f);
  return f;
}

// A form's mates are one shared array (units.ts memoises them per form): their information is looked up
// once per array rather than once per mate at every occurrence of the form.
const mateInfos = new WeakMap<readonly Mate[], FormInfo[]>();
function infosOf(mates: readonly Mate[]): FormInfo[] {
  let out = mateInfos.get(mates);
  if (!out) mateInfos.set(mates, (out = mates.map((m) => info(m.form))));
  return out;
}

function neighbour(toks: readonly Token[], i: number): string | null {
  const t = toks[i];
  return t && t.word ? t.text.toLowerCase() : null;
}

/** A neighbour the pair counts can speak of: a plain word. */
const plain = (w: string | null): string | null => (w !== null && /^[a-z']+$/.test(w) ? w : null);

/** The unit's own pair strength with its neighbours and the best single-word mate's gain over it (PMI). */
function pairEvidence(u: Unit, left: string | null, right: string | null): { own: number; gain: number } {
  const l = plain(left);
  const r = plain(right);
  if (u.words !== 1 || (l === null && r === null) || unigramCount(u.form) === 0) return { own: 0, gain: 0 };
  const own = association(u.form, l, r);
  let gain = 0;
  for (const m of u.mates) {
    if (m.form.includes(' ') || unigramCount(m.form) === 0) continue;
    gain = Math.max(gain, association(m.form, l, r) - own);
  }
  return { own, gain };
}

/** Features of every unit that has mates (a unit without one cannot be a WordNet substitute). */
export function unitFeatures(units: readonly Unit[], toks: readonly Token[]): Scored[] {
  const out: Scored[] = [];
  // every unit is in a dozen windows: its form's information is looked up once
  const vecs = units.map((u) => info(u.form).vec);
  const ctx = new Float32Array(DIMS); // one buffer for every unit's context
  // the window's vector sum, slid along the units (adding one vector and dropping one per step, instead of
  // summing a dozen per unit: this loop was a third of the spin model's time)
  const sum = new Float64Array(DIMS);
  let inWindow = 0; // vectors in the window
  let hi = -1; // the window is units lo..hi
  const slide = (j: number, sign: 1 | -1): void => {
    const v = vecs[j];
    if (!v) return;
    for (let k = 0; k < DIMS; k++) sum[k] = (sum[k] as number) + sign * (v[k] as number);
    inWindow += sign;
  };
  units.forEach((u, ui) => {
    while (hi < Math.min(units.length - 1, ui + WINDOW)) slide(++hi, 1);
    if (ui - WINDOW - 1 >= 0) slide(ui - WINDOW - 1, -1);
    if (u.mates.length === 0) return;
    // the context: the normalised sum of the neighbouring units' vectors (the unit's own left out)
    const mine = vecs[ui];
    const any = inWindow - (mine ? 1 : 0) > 0;
    for (let k = 0; k < DIMS; k++) ctx[k] = (sum[k] as number) - (mine ? (mine[k] as number) : 0);
    const norm = Math.sqrt(dot(ctx, ctx)) || 1;
    for (let k = 0; k < DIMS; k++) ctx[k] = (ctx[k] as number) / norm;
    const fitOf = (fi: FormInfo): number | null => (any && fi.vec ? dot(fi.vec, ctx) : null);
    const me = info(u.form);
    const own = fitOf(me);
    const ownRank = me.rank;
    const left = neighbour(toks, u.tok - 1);
    const right = neighbour(toks, u.tok + u.words);
    const leftId = left ? glossWordId(left) : -1;
    const rightId = right ? glossWordId(right) : -1;
    const pairs = (fi: FormInfo): number => pairCountOfIds(leftId, fi.firstId) + pairCountOfIds(fi.lastId, rightId);
    const ownPairs = pairs(me);
    let gain = -1;
    let freqGain = 0;
    let combined = -1;
    let mostPairs = 0; // of any mate: glossGain is its log ratio to the unit's own (log is monotonic)
    // noisy channel: a writer picks w with p ∝ exp(λ·fit(w)) / rank(w); a spinner writes the unit for a
    // mate m with p(m)·q(unit | m). The log ratio of the two is the evidence.
    const natural = me.logP + LAMBDA * (own ?? 0);
    let spunMass = 0;
    let best = u.mates[0]?.form ?? '';
    let bestMass = -1;
    let bestTags = 0;
    const mateInfo = infosOf(u.mates);
    for (let j = 0; j < u.mates.length; j++) {
      const m = u.mates[j] as Mate;
      const mi = mateInfo[j] as FormInfo;
      const mf = fitOf(mi);
      const g = mf === null ? -1 : mf - (own ?? 0);
      const fg = mi.rank < ownRank ? Math.log(ownRank / mi.rank) : 0; // a mate as rare or rarer gains nothing
      const c = g + 0.1 * fg;
      const mass = Math.exp(mi.logP + LAMBDA * (mf ?? 0) - natural) * m.q;
      spunMass += mass;
      // the suggestion is the mate the channel most likely started from
      if (mass > bestMass) {
        bestMass = mass;
        best = m.form;
      }
      if (g > gain) gain = g;
      if (fg > freqGain) freqGain = fg;
      mostPairs = Math.max(mostPairs, pairs(mi));
      if (c > combined || (c === combined && m.senseTags > bestTags)) {
        combined = c;
        bestTags = m.senseTags;
      }
    }
    const glossGain = Math.max(0, Math.log((mostPairs + 1) / (ownPairs + 1)));
    const web = pairEvidence(u, left, right);
    const noVector = u.words === 1 && !me.vec ? 1 : 0; // a single word's vector is its table row
    out.push({
      unit: u,
      suggestion: best,
      x: [
        gain,
        noVector,
        Math.log(ownRank) / 10,
        freqGain / 10,
        u.words > 1 ? 1 : 0,
        Math.log1p(u.lemmaTags) / 5,
        Math.log1p(bestTags) / 5,
        combined,
        Math.log1p(u.mates.length) / 3,
        glossGain / 3,
        own ?? 0,
        Math.log(spunMass + 1e-9) / 5,
        Math.min(web.gain, 15) / 5,
        Math.max(-10, Math.min(web.own, 10)) / 5,
      ],
    });
  });
  return out;
}
