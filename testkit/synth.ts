import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARALLEL } from './paths.js';
import { parseJsonlLine } from '../server/pipeline/ingest/jsonl.js';
import { segmentDoc } from '../server/pipeline/segment/index.js';
import type { SegmentedDoc } from '../server/pipeline/types.js';

// A seeded synthetic batch built from the parallel dev sets shipped in test/fixtures/parallel: each story is a short
// article (a FLORES document, or a chunk of TICO-19 / Tatoeba lines) in three versions — English,
// Tagalog with injected errors (a changed number, a dropped sentence), and a spun English copy made by
// synonym substitution. Records come out shuffled, each with the gold story and role in its url.

export interface SynthRecord {
  text: string;
  lang: 'en' | 'tl';
  url: string; // synth://story/<n>[.<own n>|.copy]/<role>/<flores|tico|tatoeba>
  title: string;
}
export interface SynthCorpus {
  records: SynthRecord[];
  stories: number;
  sentences: number;
}

export { mulberry32 } from './rng.js';
import { mulberry32 } from './rng.js';

const SYNONYMS: Record<string, string> = {
  said: 'stated',
  big: 'massive',
  large: 'huge',
  small: 'little',
  people: 'individuals',
  many: 'numerous',
  new: 'novel',
  important: 'crucial',
  help: 'assist',
  show: 'display',
  use: 'utilize',
  start: 'commence',
  began: 'commenced',
  end: 'conclude',
  buy: 'purchase',
  get: 'obtain',
  make: 'create',
  need: 'require',
  city: 'metropolis',
  country: 'nation',
  government: 'authorities',
  children: 'kids',
  police: 'cops',
  house: 'residence',
  home: 'residence',
  car: 'vehicle',
  world: 'globe',
  area: 'region',
  local: 'native',
  visit: 'go to',
  meet: 'satisfy',
  rare: 'uncommon',
  expected: 'predicted',
  first: 'initial',
  also: 'additionally',
  however: 'nonetheless',
  because: 'since',
  about: 'roughly',
  very: 'extremely',
  good: 'nice',
  bad: 'poor',
  fast: 'speedy',
  quickly: 'rapidly',
  old: 'aged',
  problem: 'drawback',
  result: 'consequence',
  found: 'discovered',
  told: 'informed',
  think: 'assume',
  want: 'desire',
  try: 'attempt',
  work: 'job',
  part: 'portion',
  several: 'a number of',
  scientists: 'researchers',
  study: 'examine',
  report: 'document',
  water: 'water supply',
  time: 'period',
  year: 'twelve months',
  day: 'day time',
  game: 'recreation',
  team: 'group',
  top: 'prime',
  like: 'similar to',
  can: 'may',
};

export function spinText(text: string, rand: () => number, rate = 0.8): string {
  return text.replace(/\b[A-Za-z]+\b/g, (w) => {
    const s = SYNONYMS[w.toLowerCase()];
    if (!s || rand() >= rate) return w;
    return w[0] === w[0]!.toUpperCase() ? s[0]!.toUpperCase() + s.slice(1) : s;
  });
}

function readLines(name: string): string[] {
  const t = readFileSync(join(PARALLEL, name), 'utf8');
  return t
    .split('\n')
    .filter((l, i, a) => i < a.length - 1 || l !== '')
    .map((l) => l.trim());
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Articles as lists of [en, tl] sentence pairs, in a fixed order. */
export interface Article {
  source: string;
  pairs: [string, string][];
}

export function parallelArticles(rand: () => number): Article[] {
  const out: Article[] = [];
  // FLORES documents and TICO-19 documents are whole articles; Tatoeba lines are chunked into short
  // "articles" of unrelated everyday sentences (the hard case: few names or numbers to go by).
  for (const set of ['flores200-dev', 'tico19-dev']) {
    const en = readLines(`${set}.en`);
    const tl = readLines(`${set}.tl`);
    const doc = readLines(`${set}.docid`);
    let cur: [string, string][] = [];
    en.forEach((e, i) => {
      if (i > 0 && doc[i] !== doc[i - 1]) {
        out.push({ source: set.split(/\d|-/)[0]!, pairs: cur });
        cur = [];
      }
      cur.push([e, tl[i]!]);
    });
    if (cur.length) out.push({ source: set.split(/\d|-/)[0]!, pairs: cur });
  }
  const ten = readLines('tatoeba-test.en');
  const ttl = readLines('tatoeba-test.tl');
  const idx = shuffle([...ten.keys()], rand);
  for (let i = 0; i + 6 <= idx.length; i += 6)
    out.push({ source: 'tatoeba', pairs: idx.slice(i, i + 6).map((k) => [ten[k]!, ttl[k]!]) });
  return out;
}

const paragraphs = (sents: string[]): string => {
  const [title, ...body] = sents;
  const paras: string[] = [];
  for (let i = 0; i < body.length; i += 2) paras.push(body.slice(i, i + 2).join(' '));
  return [title, ...paras].join('\n\n') + '\n';
};

/**
 * The gold story of each article: its own number, unless every English line of it is a line of another,
 * longer article (FLORES-200 and TICO-19 share a Wikinews article: FLORES has two of its lines). Such an
 * excerpt is a version of the longer article's story, and its documents are labelled with that story.
 */
function goldNumbers(arts: Article[]): number[] {
  const owners = new Map<string, number[]>();
  arts.forEach((a, n) =>
    new Set(a.pairs.map((p) => p[0])).forEach((l) => (owners.get(l) ?? owners.set(l, []).get(l)!).push(n)),
  );
  return arts.map((a, n) => {
    const lines = a.pairs.map((p) => p[0]);
    const shared = (owners.get(lines[0]!) ?? []).filter((m) => m !== n && arts[m]!.pairs.length > a.pairs.length);
    return shared.find((m) => lines.every((l) => owners.get(l)!.includes(m))) ?? n;
  });
}

export function synthCorpus(opts: { seed?: number; maxStories?: number } = {}): SynthCorpus {
  const rand = mulberry32(opts.seed ?? 42);
  const arts = parallelArticles(rand)
    .filter((a) => a.pairs.length >= 2)
    .slice(0, opts.maxStories ?? Infinity);
  const gold = goldNumbers(arts);
  const records: SynthRecord[] = [];
  let sentences = 0;
  arts.forEach((a, n) => {
    const en = a.pairs.map((p) => p[0]);
    let tl = a.pairs.map((p) => p[1]);
    // injected errors in the translation: a changed number, a dropped sentence
    const withNum = tl.findIndex((s) => /\d/.test(s));
    if (withNum >= 0 && rand() < 0.5) tl[withNum] = tl[withNum]!.replace(/\d+/, (d) => String(Number(d) + 1));
    if (tl.length >= 3 && rand() < 0.25) tl = tl.filter((_, i) => i !== 1 + Math.floor(rand() * (tl.length - 1)));
    const spun = en.map((s) => spinText(s, rand));
    // an excerpt labelled with another article's story keeps its own number after a dot (unique urls)
    const story = gold[n] === n ? `${n}` : `${gold[n]}.${n}`;
    const url = (role: string, copy = '') => `synth://story/${story}${copy}/${role}/${a.source}`;
    records.push({ text: paragraphs(en), lang: 'en', url: url('source'), title: en[0]! });
    records.push({ text: paragraphs(tl), lang: 'tl', url: url('translation'), title: tl[0]! });
    // A "spun" copy in which the spinner found no word to swap is a verbatim copy of the source: the
    // database stores that text once, under whichever record came first, and its role is source either way.
    const verbatim = spun.every((s, i) => s === en[i]);
    records.push({
      text: paragraphs(spun),
      lang: 'en',
      url: verbatim ? url('source', '.copy') : url('spin'),
      title: spun[0]!,
    });
    sentences += en.length * 2 + tl.length;
  });
  return { records: shuffle(records, rand), stories: arts.length, sentences };
}

export const synthJsonl = (c: SynthCorpus): string => c.records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Story (from the url) of a stored document path/url. */
export const goldStory = (url: string): string => url.split('/')[3]!.split('.')[0]!;

/** Pairwise precision and recall of predicted groups against gold groups (over document pairs). */
export function pairwisePR(predicted: string[][], gold: Map<string, string>): { precision: number; recall: number } {
  let tp = 0;
  let predPairs = 0;
  const goldCount = new Map<string, number>();
  for (const g of gold.values()) goldCount.set(g, (goldCount.get(g) ?? 0) + 1);
  let goldPairs = 0;
  for (const n of goldCount.values()) goldPairs += (n * (n - 1)) / 2;
  for (const grp of predicted) {
    for (let i = 0; i < grp.length; i++)
      for (let j = i + 1; j < grp.length; j++) {
        predPairs++;
        if (gold.get(grp[i]!) === gold.get(grp[j]!)) tp++;
      }
  }
  return { precision: predPairs ? tp / predPairs : 1, recall: goldPairs ? tp / goldPairs : 1 };
}

/** Records as the batch stores them: segmented, each distinct text once (under the first record's url). */
export function ingestSynth(records: SynthRecord[]): SegmentedDoc[] {
  const seen = new Set<string>();
  const docs: SegmentedDoc[] = [];
  records.forEach((r, i) => {
    const doc = parseJsonlLine(JSON.stringify(r), i + 1, 'corpus.jsonl', 'utf-8');
    if (!doc || seen.has(doc.text)) return;
    seen.add(doc.text);
    docs.push(segmentDoc(doc));
  });
  return docs;
}
