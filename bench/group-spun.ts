// The grouping benchmark's realistic spun-copy set (issue #17 item 4): short news texts (40–90 words), each
// with a spun copy in which about half of the words are swapped, by several spinner families, in one batch
// with many unrelated articles on the same topics, so that a false merge has every chance to happen.
// - originals: the FLORES-200 dev documents (Wikinews, Wikivoyage, Wikibooks; CC BY-SA 4.0), cut to their
//   first sentences (40–90 words); the FLORES topics repeat (travel, sports, politics, disasters...);
// - distractors: the 13 TICO-19 COVID-19 documents whole (one topic, CC0), and three real reports of one
//   event from different outlets (data/samples/001, 002, 004: comparable, allowed to be one story);
// - real pairs: data/samples/003 (a real auto-spinner's copy) with its original (bench/group-real/), whole
//   and cut to the first paragraph; the real spinner pairs of testkit/spin-real/ (most are a sentence or two:
//   reported apart as under 40 words, where the grouping needs 12 content words to say anything).
// Each spun copy is made by one family in turn (seeded; spinners()): the spinner zoo's families, all of
// them at once, and the synthetic corpus's synonym table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compose } from '../testkit/spin-zoo/compose.js';
import { FAMILIES as ZOO, spinWith, thesauriInstalled } from '../testkit/spin-zoo/index.js';
import { readPairs } from '../testkit/spin-real/pairs.js';
import { rng } from '../testkit/spinner.js';
import { spinText as tableSpin } from '../testkit/synth.js';
import { mulberry32 } from '../testkit/rng.js';
import { REPO, SHARED, seed } from './paths.js';

export interface SetDoc {
  id: string;
  text: string;
  /** Gold story: an original and its spun copies share it. */
  story: string;
  /** For a spun copy: its family ('real' for real spinner output). */
  family?: string;
  /** For a spun copy: the id of its original, when not its own id's (several spinners' copies of one text). */
  original?: string;
  /** Stories that may also be grouped with this one without counting as a false merge (same event). */
  comparable?: string;
}

const lines = (name: string): string[] =>
  readFileSync(join(SHARED, 'data', 'parallel', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
const wordCount = (t: string): number => t.split(/\s+/).filter(Boolean).length;

/** The documents of a parallel set's English side, as lists of sentences. */
function documents(set: string): string[][] {
  const en = lines(`${set}.en`);
  const ids = lines(`${set}.docid`);
  const out = new Map<string, string[]>();
  en.forEach((s, i) => (out.get(ids[i]!) ?? out.set(ids[i]!, []).get(ids[i]!)!).push(s.trim()));
  return [...out.values()];
}

/** The first sentences of a document, 40–90 words, as a title line and a paragraph; null when too short. */
function shortText(sents: string[]): string | null {
  const kept: string[] = [];
  for (const s of sents) {
    if (wordCount(kept.join(' ')) >= 40) break;
    kept.push(s);
  }
  const n = wordCount(kept.join(' '));
  if (n < 40 || n > 90) return null;
  return kept.join(' ') + '\n';
}

// --- spinner families --------------------------------------------------------------------------------

type Spinner = (text: string, seed: number) => string;

/** The share of eligible words each zoo family tries: the top of real tools' range (0.15–0.5) and beyond. */
const RATE = 0.6;

/**
 * The spinner zoo's families (testkit/spin-zoo/, from the spin branch) at RATE; every family at once ('all':
 * where two would change one word the first wins), which swaps half of the words or more; and the
 * synthetic corpus's synonym table (test/pipeline/batch/synth.ts), the spinner today's figure came from.
 */
export function spinners(): Record<string, Spinner> {
  const zoo = ZOO.filter((f) => !f.id.startsWith('thesaurus') || thesauriInstalled());
  const out: Record<string, Spinner> = {};
  for (const f of zoo) out[f.id] = (text, s) => spinWith(f, text, s, { rate: RATE, meaningEdits: 0 }).text;
  out['all'] = (text, s) => {
    const r = rng(s);
    return compose(
      'all',
      text,
      zoo.flatMap((f) => f.pieces(text, r, { rate: RATE })),
    ).text;
  };
  out['synthetic-table'] = (text, s) => tableSpin(text, mulberry32(s), 1);
  return out;
}

/** Share of the original's words the copy does not keep in order (word-level LCS). */
export function swapRate(original: string, copy: string): number {
  const a = original.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  const b = copy.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = [0];
    for (let j = 1; j <= b.length; j++) cur[j] = x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return a.length ? 1 - prev[b.length]! / a.length : 0;
}

// --- the set -----------------------------------------------------------------------------------------

interface RealPair {
  id: string;
  /** Pairs cut from one article are one story. */
  story?: string;
  /** 'tuning' pairs were read while the spin detectors were tuned (testkit/spin-real/SOURCES.md); none was read here. */
  split: string;
  original: string;
  spun: string;
}

/** Real spun copies with their originals: data/samples/003 (whole and its first paragraph) and testkit/spin-real/. */
export function realPairs(): RealPair[] {
  const full = {
    original: readFileSync(join(REPO, 'bench', 'group-real', '003-original.txt'), 'utf8'),
    spun: readFileSync(seed('003'), 'utf8'),
  };
  // the first paragraph of the body (after the title lines): about 80 words
  const firstPara = (t: string) =>
    t
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => wordCount(p) >= 40)[0]! + '\n';
  return [
    { id: 'seed003', split: 'tuning', ...full },
    {
      id: 'seed003-short',
      story: 'seed003',
      split: 'tuning',
      original: firstPara(full.original),
      spun: firstPara(full.spun),
    },
    ...readPairs().map((p) => ({ id: p.id, split: p.split, original: p.original, spun: p.spun })),
  ];
}

export function spunSet(seedN = 42): { docs: SetDoc[]; swap: Record<string, number> } {
  const docs: SetDoc[] = [];
  const spin = spinners();
  const families = Object.keys(spin);
  const swaps: Record<string, number[]> = {};
  let k = 0;
  documents('flores200-dev').forEach((sents, n) => {
    const text = shortText(sents);
    if (!text) return;
    const story = `flores-${n}`;
    docs.push({ id: `${story}/original`, text, story });
    const family = families[k++ % families.length]!;
    const spun = spin[family]!(text, seedN * 1000 + n);
    if (spun === text) return;
    (swaps[family] ??= []).push(swapRate(text, spun));
    docs.push({ id: `${story}/${family}`, text: spun, story, family });
  });
  documents('tico19-dev').forEach((sents, n) =>
    docs.push({ id: `tico-${n}`, text: sents.join('\n\n') + '\n', story: `tico-${n}` }),
  );
  for (const s of ['001', '002', '004'])
    docs.push({
      id: `sample-${s}`,
      text: readFileSync(seed(s), 'utf8'),
      story: `sample-${s}`,
      comparable: 'vostochny',
    });
  // several spinners' outputs of one original: one original document (a batch stores a text once), one story
  const storyOfOriginal = new Map<string, string>();
  for (const p of realPairs()) {
    const known = storyOfOriginal.get(p.original);
    const story = known ?? p.story ?? p.id;
    storyOfOriginal.set(p.original, story);
    if (!known) docs.push({ id: `${p.id}/original`, text: p.original, story });
    const family = wordCount(p.original) >= 40 ? `real-${p.split}` : `real-${p.split}-under-40-words`;
    docs.push({
      id: `${p.id}/real`,
      text: p.spun,
      story,
      family,
      original: known ? docs.find((d) => d.story === story && !d.family)!.id : `${p.id}/original`,
    });
    (swaps[family] ??= []).push(swapRate(p.original, p.spun));
  }
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000;
  return { docs, swap: Object.fromEntries(Object.entries(swaps).map(([f, xs]) => [f, mean(xs)])) };
}

/**
 * How the set came out of grouping: per family, the share of spun copies in their original's group; false
 * merges: pairs of documents grouped together from different stories (documents of one event reported by
 * different outlets excepted), with a few examples.
 */
export function spunQuality(docs: SetDoc[], groups: number[][]) {
  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => g.forEach((i) => groupOf.set(i, gi)));
  const originalOf = new Map(docs.map((d, i) => [d.id, i]));
  const joined: Record<string, { copies: number; joined: number; recall?: number }> = {};
  const real: Record<string, boolean> = {};
  docs.forEach((d, i) => {
    if (!d.family) return;
    const o = originalOf.get(d.original ?? d.id.replace(/[^/]+$/, 'original'));
    const r = (joined[d.family] ??= { copies: 0, joined: 0 });
    r.copies++;
    const ok = o !== undefined && groupOf.get(o) === groupOf.get(i);
    if (ok) r.joined++;
    if (d.family.startsWith('real')) real[d.id.replace(/\/[^/]+$/, '')] = ok;
  });
  for (const r of Object.values(joined)) r.recall = Math.round((r.joined / r.copies) * 1000) / 1000;
  let falseMerges = 0;
  const examples: string[] = [];
  for (const g of groups)
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) {
        const [a, b] = [docs[g[x]!]!, docs[g[y]!]!];
        if (a.story === b.story || (a.comparable && a.comparable === b.comparable)) continue;
        falseMerges++;
        if (examples.length < 5) examples.push(`${a.id} + ${b.id}`);
      }
  const share = (ok: (family: string) => boolean): number => {
    const rows = Object.entries(joined).filter(([f]) => ok(f));
    const n = rows.reduce((s, [, r]) => s + r.copies, 0);
    return n ? Math.round((rows.reduce((s, [, r]) => s + r.joined, 0) / n) * 1000) / 1000 : 0;
  };
  return {
    recallGenerated: share((f) => !f.startsWith('real')),
    recallReal40Words: share((f) => f.startsWith('real') && !f.endsWith('under-40-words')),
    byFamily: joined,
    realPairJoined: real,
    falseMerges,
    falseMergeExamples: examples,
  };
}
