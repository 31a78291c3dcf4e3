import type { DocFeatures } from './features.js';
import { documentFrequencies, featureWeight } from './weights.js';

// Cross-language evidence between a Tagalog and an English document: lexical-translation coverage. Each
// side's distinct content words (slots) are weighted by how story-specific their English keys are; the
// score is the geometric mean of the share of Tagalog weight the English document covers and the share of
// English weight the Tagalog document covers. Both shares are length-normalised, and a translation
// covers its source in both directions, while a longer or shorter document on the same topic covers
// only one way; a very different number of sentences lowers the score. Candidates come from an inverted
// index over the English keys, so only documents sharing reasonably rare keys are ever scored.

export interface CrossOptions {
  /** A feature in more than this many English documents does not propose candidates (it still counts). */
  maxDf: number;
  /** Versions a story has at most, per language, before a shared feature counts as topic (see weights.ts). */
  storySize: number;
  /** English candidates scored exactly per Tagalog document (the best by a rough shared weight). */
  candidates: number;
}

export interface Pair {
  a: number;
  b: number;
  score: number;
}

/**
 * The k best documents by score (ties: the lower index first) with their scores, best first: what sorting
 * all of them and keeping k gives, without sorting the hundreds a Tagalog document's keys touch.
 */
export function bestCandidates(docs: number[], score: (e: number) => number, k: number): [number, number][] {
  const best: [number, number][] = [];
  const beats = (e: number, s: number, x: [number, number]): boolean => s > x[1] || (s === x[1] && e < x[0]);
  for (const e of docs) {
    const s = score(e);
    if (best.length === k && (k === 0 || !beats(e, s, best[k - 1]!))) continue;
    let at = best.length;
    while (at > 0 && beats(e, s, best[at - 1]!)) at--;
    best.splice(at, 0, [e, s]);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Coverage scores of each Tagalog document against its best English candidates (a = tl, b = en). */
export function lexicalPairs(docs: DocFeatures[], opts: CrossOptions): Pair[] {
  const en = docs.flatMap((d, i) => (d.lang === 'en' ? [i] : []));
  if (!en.length) return [];
  const df = documentFrequencies(
    en.map((i) => docs[i]!),
    (d) => d.lex,
  );
  const weights = new Map<number, number>();
  for (const [k, c] of df) weights.set(k, featureWeight(c, en.length, opts.storySize));
  const weight = (k: number): number => weights.get(k) ?? 0;
  const slotWeights = (d: DocFeatures): Float64Array => {
    const w = new Float64Array(d.slotStart.length - 1);
    for (let s = 0; s < w.length; s++)
      for (let j = d.slotStart[s]!; j < d.slotStart[s + 1]!; j++) w[s] = Math.max(w[s]!, weight(d.slotKeys[j]!));
    return w;
  };
  const postings = new Map<number, number[]>();
  for (const i of en)
    for (const k of docs[i]!.lex) {
      if ((df.get(k) ?? 0) > opts.maxDf) continue;
      (postings.get(k) ?? postings.set(k, []).get(k)!).push(i);
    }
  const enWeights = new Map(en.map((i) => [i, slotWeights(docs[i]!)]));
  const enTotal = new Map(en.map((i) => [i, enWeights.get(i)!.reduce((x, y) => x + y, 0)]));
  const out: Pair[] = [];
  const keys = new DenseKeys(docs);
  const seenAt = new Int32Array(docs.length).fill(-1); // the last slot that counted document e
  let stamp = 0;
  const acc = new Float64Array(docs.length); // rough covered weight per English document, reset after each use
  docs.forEach((t, ti) => {
    if (t.lang !== 'tl') return;
    const tw = slotWeights(t);
    // rough candidates: English documents by the Tagalog weight their rare keys would cover, over the
    // English document's own weight (a long document covers much of anything)
    const touched: number[] = [];
    for (let s = 0; s < tw.length; s++, stamp++) {
      const w = tw[s]!;
      for (let j = t.slotStart[s]!; j < t.slotStart[s + 1]!; j++) {
        const p = postings.get(t.slotKeys[j]!);
        if (!p) continue;
        for (let x = 0; x < p.length; x++) {
          const e = p[x]!;
          if (seenAt[e] === stamp) continue;
          seenAt[e] = stamp;
          if (acc[e] === 0) touched.push(e);
          acc[e] = acc[e]! + w;
        }
      }
    }
    const top = bestCandidates(touched, (e) => acc[e]! / Math.sqrt(enTotal.get(e) || 1), opts.candidates);
    for (const e of touched) acc[e] = 0;
    const tKeys = keys.of(ti);
    keys.mark(tKeys, 1);
    for (const [ei] of top) {
      const eKeys = keys.of(ei);
      const enCovered = coverage(enWeights.get(ei)!, docs[ei]!.slotStart, eKeys, keys.marked);
      keys.mark(eKeys, 2);
      const tlCovered = coverage(tw, t.slotStart, tKeys, (k) => keys.marked(k) >= 2);
      keys.mark(eKeys, 0);
      keys.mark(tKeys, 1);
      const score = Math.sqrt(tlCovered * enCovered) * lengthAgreement(t, docs[ei]!);
      if (score > 0) out.push({ a: ti, b: ei, score });
    }
    keys.mark(tKeys, 0);
  });
  return out;
}

/**
 * The documents' lexical keys as small dense ids, with one mark per id: whether a slot of one document
 * has a key in another is then a look-up in an array, where a binary search in the other's keys made
 * scoring the candidates most of the cross-language step.
 */
class DenseKeys {
  private readonly ids = new Map<number, number>();
  private readonly byDoc = new Map<number, Int32Array>();
  private marks = new Uint8Array(1024);

  constructor(private readonly docs: DocFeatures[]) {}

  /** A document's slot keys as dense ids (in slotKeys order). */
  of(i: number): Int32Array {
    let d = this.byDoc.get(i);
    if (d) return d;
    const keys = this.docs[i]!.slotKeys;
    d = new Int32Array(keys.length);
    for (let j = 0; j < keys.length; j++) {
      let id = this.ids.get(keys[j]!);
      if (id === undefined) this.ids.set(keys[j]!, (id = this.ids.size));
      d[j] = id;
    }
    if (this.ids.size > this.marks.length) {
      const grown = new Uint8Array(Math.max(this.ids.size, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    this.byDoc.set(i, d);
    return d;
  }

  mark(ids: Int32Array, v: number): void {
    for (let j = 0; j < ids.length; j++) this.marks[ids[j]!] = v;
  }

  marked = (id: number): number => this.marks[id]!;
}

/**
 * A translation has about as many sentences as its source (a dropped or split sentence or two aside):
 * beyond a 2:1 disagreement the match is scaled down in proportion.
 */
function lengthAgreement(a: DocFeatures, b: DocFeatures): number {
  const r = Math.min(a.sentences, b.sentences) / Math.max(1, a.sentences, b.sentences);
  return Math.min(1, r / MIN_SENTENCE_RATIO);
}
const MIN_SENTENCE_RATIO = 0.5;

/** Share of a document's slot weight (aw) whose slot has a key the other document has (inOther, by dense id). */
function coverage(
  aw: Float64Array,
  slotStart: Uint32Array,
  ids: Int32Array,
  inOther: (id: number) => number | boolean,
): number {
  let total = 0;
  let hit = 0;
  for (let s = 0; s < aw.length; s++) {
    total += aw[s]!;
    for (let j = slotStart[s]!; j < slotStart[s + 1]!; j++)
      if (inOther(ids[j]!)) {
        hit += aw[s]!;
        break;
      }
  }
  return total > 0 ? hit / total : 0;
}

export interface LinkRule {
  /** Minimum match. */
  threshold: number;
  /** Times the runner-up's match the best must reach, unless it is sure. */
  margin: number;
  /** A match at least this strong needs no margin. */
  sure: number;
}

/**
 * Links between groups of different languages. Two groups match by the evidence of all their document
 * pairs (summed, over the square root of the larger group's size: a story's versions each add to the
 * match, a big group does not win on size alone). Each group is linked to the group of another language
 * it matches best when that group matches it best too, the match reaches the threshold, and on both sides
 * it is either sure or clearly better (margin times) than the runner-up. A translation
 * has one counterpart per language per story: a Tagalog text that resembles several English stories on its
 * topic joins only the one it matches best, and only if that story has no better Tagalog match of its own.
 */
export function mutualBestLinks(
  groupLang: readonly string[],
  groupOf: Int32Array,
  pairs: Pair[],
  { threshold, margin, sure }: LinkRule,
): [number, number][] {
  const size = new Map<number, number>();
  for (const g of groupOf) size.set(g, (size.get(g) ?? 0) + 1);
  const score = new Map<string, { g: number; h: number; score: number }>();
  for (const p of pairs) {
    const [g, h] = [Math.min(groupOf[p.a]!, groupOf[p.b]!), Math.max(groupOf[p.a]!, groupOf[p.b]!)];
    if (g === h) continue;
    const cur = score.get(`${g},${h}`) ?? score.set(`${g},${h}`, { g, h, score: 0 }).get(`${g},${h}`)!;
    cur.score += p.score;
  }
  for (const m of score.values()) m.score /= Math.sqrt(Math.max(size.get(m.g)!, size.get(m.h)!));
  // "group,lang" → best group of that language, and the runner-up's score
  const best = new Map<string, { other: number; score: number; second: number }>();
  const offer = (g: number, h: number, s: number): void => {
    const key = `${g},${groupLang[h]}`;
    const cur = best.get(key);
    if (!cur) best.set(key, { other: h, score: s, second: 0 });
    else if (s > cur.score || (s === cur.score && h < cur.other))
      best.set(key, { other: h, score: s, second: cur.score });
    else cur.second = Math.max(cur.second, s);
  };
  const clear = (g: number, h: number): boolean => {
    const b = best.get(`${g},${groupLang[h]}`);
    return b?.other === h && (b.score >= sure || b.score >= margin * b.second);
  };
  for (const { g, h, score: s } of score.values()) (offer(g, h, s), offer(h, g, s));
  const links: [number, number][] = [];
  for (const { g, h, score: s } of score.values()) {
    if (s < threshold) continue;
    if (clear(g, h) && clear(h, g)) links.push([g, h]);
  }
  return links;
}
