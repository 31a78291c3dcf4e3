// Dev-time builder of the shipped Tagalog→English lexicon (data/lexicon/tl-en.tsv).
// Reads ../shared/data (never read at run time): Wiktionary pairs and form-of links, number words, calendar
// names, plus a lexicon learned with IBM Model 1 (both directions, a few EM iterations) from parallel sets.
// Usage: npx tsx scripts/build-lexicon.ts [--sets tatoeba-test,ud-tagalog-trg,flores200-dev,tico19-dev]
// The benchmark imports buildLexicon() to make held-out variants (a lexicon that never saw the set it scores).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enStem, fold, isEnStopword, words } from '../server/lang/text-norm.js';

export const ALL_SETS = ['tatoeba-test', 'ud-tagalog-trg', 'flores200-dev', 'tico19-dev'] as const;
export type ParallelSet = (typeof ALL_SETS)[number];

export interface LexEntry {
  tl: string;
  en: string; // stemmed English (enStem) or digits for number words
  score: number; // 0..1
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED_DATA = join(ROOT, '..', 'shared', 'data');

function tsvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}
const lines = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l, i, a) => l || i < a.length - 1);
const isWord = (s: string): boolean => /^[a-z]+$/.test(s);

function parallelFiles(set: ParallelSet): [string, string] {
  const dir = set === 'ud-tagalog-trg' ? join(SHARED_DATA, 'lexicon', 'parallel') : join(SHARED_DATA, 'parallel');
  return [join(dir, `${set}.tl`), join(dir, `${set}.en`)];
}

export function loadTlStopwords(): Set<string> {
  return new Set(
    readFileSync(join(ROOT, 'data', 'lexicon', 'stopwords-tl.txt'), 'utf8')
      .split('\n')
      .map(fold)
      .filter(Boolean),
  );
}

/** Wiktionary glosses: a one-content-word gloss is a strong entry; words of a longer gloss are weak ones. */
function wiktionaryEntries(): LexEntry[] {
  const out: LexEntry[] = [];
  const byTl = new Map<string, LexEntry[]>();
  for (const [tlRaw, en] of tsvRows(join(SHARED_DATA, 'lexicon', 'tl_en_wiktionary_pairs.tsv'))) {
    const tl = fold(tlRaw ?? '');
    if (!isWord(tl) || !en) continue;
    const content = words(en).filter((w) => !isEnStopword(w));
    if (content.length === 0 || content.length > 3) continue;
    const score = content.length === 1 ? 0.9 : 0.4;
    for (const w of content) {
      const e = { tl, en: enStem(w), score };
      out.push(e);
      byTl.set(tl, [...(byTl.get(tl) ?? []), e]);
    }
  }
  // Form-of links (binabasa → basahin): the form inherits its lemma's glosses, a little weaker.
  for (const [formRaw, , , targetRaw] of tsvRows(join(SHARED_DATA, 'lexicon', 'tl_wiktionary_formof.tsv'))) {
    const form = fold(formRaw ?? '');
    const target = fold((targetRaw ?? '').replace(/\.$/, ''));
    if (!isWord(form)) continue;
    for (const e of byTl.get(target) ?? []) out.push({ tl: form, en: e.en, score: e.score * 0.9 });
  }
  return out;
}

/** Number words map to digits (dalawa → 2, ikalawa → 2); month and weekday names to English. */
function numberAndCalendarEntries(): LexEntry[] {
  const out: LexEntry[] = [];
  for (const [value, , , plain] of tsvRows(join(SHARED_DATA, 'lexicon', 'tl_numbers.tsv'))) {
    const tl = fold(plain ?? '');
    if (isWord(tl) && value && /^\d+$/.test(value)) out.push({ tl, en: value, score: 1 });
  }
  for (const [cat, , en, tlRaw, abbr] of tsvRows(join(SHARED_DATA, 'lexicon', 'tl_calendar.tsv'))) {
    if (cat !== 'month' && cat !== 'weekday' && cat !== 'unit' && cat !== 'dayperiod') continue;
    const tl = fold(tlRaw ?? '');
    const enWords = words(en ?? '').filter((w) => !isEnStopword(w));
    if (!isWord(tl) || enWords.length !== 1) continue;
    out.push({ tl, en: enStem(enWords[0] ?? ''), score: 1 });
    const ab = fold(abbr ?? '');
    if (cat === 'month' && isWord(ab) && ab.length >= 3) out.push({ tl: ab, en: enStem(enWords[0] ?? ''), score: 0.8 });
  }
  return out;
}

type Table = Map<number, Map<number, number>>;

/** IBM Model 1 t(target|source) with a NULL source word (id 0), uniform start, `iters` EM iterations. */
function ibm1(pairs: [number[], number[]][], iters: number): Table {
  const t: Table = new Map();
  for (const [f, e] of pairs) {
    for (const fi of [0, ...f]) {
      let row = t.get(fi);
      if (!row) t.set(fi, (row = new Map()));
      for (const ej of e) row.set(ej, 1);
    }
  }
  for (let it = 0; it < iters; it++) {
    const count: Table = new Map();
    const total = new Map<number, number>();
    for (const [f, e] of pairs) {
      const fs = [0, ...f];
      for (const ej of e) {
        let z = 0;
        for (const fi of fs) z += t.get(fi)?.get(ej) ?? 0;
        if (z <= 0) continue;
        for (const fi of fs) {
          const c = (t.get(fi)?.get(ej) ?? 0) / z;
          let row = count.get(fi);
          if (!row) count.set(fi, (row = new Map()));
          row.set(ej, (row.get(ej) ?? 0) + c);
          total.set(fi, (total.get(fi) ?? 0) + c);
        }
      }
    }
    for (const [fi, row] of count) {
      const tot = total.get(fi) ?? 1;
      for (const [ej, c] of row) row.set(ej, c / tot);
    }
    t.clear();
    for (const [k, v] of count) t.set(k, v);
  }
  return t;
}

/** Entries learned from parallel sentences: kept when both directions agree (sqrt of the two t's ≥ 0.2). */
export function learnedEntries(sets: readonly ParallelSet[], tlStop: Set<string>): LexEntry[] {
  const vocab = new Map<string, number>([['<null>', 0]]);
  const id = (w: string): number => {
    let v = vocab.get(w);
    if (v === undefined) vocab.set(w, (v = vocab.size));
    return v;
  };
  const pairs: [number[], number[]][] = [];
  const tlFreq = new Map<number, number>();
  for (const set of sets) {
    const [tlFile, enFile] = parallelFiles(set);
    const tl = lines(tlFile);
    const en = lines(enFile);
    for (let i = 0; i < Math.min(tl.length, en.length); i++) {
      const f = words(tl[i] ?? '')
        .map(fold)
        .filter((w) => !tlStop.has(w))
        .map((w) => id('t:' + w));
      const e = words(en[i] ?? '')
        .filter((w) => !isEnStopword(w))
        .map((w) => id('e:' + enStem(w)));
      if (!f.length || !e.length) continue;
      pairs.push([f, e]);
      for (const x of new Set(f)) tlFreq.set(x, (tlFreq.get(x) ?? 0) + 1);
    }
  }
  const fwd = ibm1(pairs, 6);
  const rev = ibm1(
    pairs.map(([f, e]) => [e, f]),
    6,
  );
  const names = [...vocab.keys()];
  const out: LexEntry[] = [];
  for (const [fi, row] of fwd) {
    if (fi === 0 || (tlFreq.get(fi) ?? 0) < 2) continue;
    for (const [ej, p] of row) {
      if (p < 0.1) continue;
      const score = Math.sqrt(p * (rev.get(ej)?.get(fi) ?? 0));
      const tl = (names[fi] ?? '').slice(2);
      const en = (names[ej] ?? '').slice(2);
      if (score >= 0.2 && tl !== en && isWord(tl)) out.push({ tl, en, score: Math.min(0.9, score) });
    }
  }
  return out;
}

export function buildLexicon(sets: readonly ParallelSet[] = ALL_SETS): LexEntry[] {
  const best = new Map<string, LexEntry>();
  const all = [...wiktionaryEntries(), ...numberAndCalendarEntries(), ...learnedEntries(sets, loadTlStopwords())];
  for (const e of all) {
    if (!e.tl || !e.en) continue;
    const k = `${e.tl}\t${e.en}`;
    const prev = best.get(k);
    if (!prev || prev.score < e.score) best.set(k, e);
  }
  return [...best.values()].sort((a, b) =>
    a.tl < b.tl ? -1 : a.tl > b.tl ? 1 : b.score - a.score || (a.en < b.en ? -1 : 1),
  );
}

export function lexiconTsv(entries: LexEntry[]): string {
  return 'tl\ten\tscore\n' + entries.map((e) => `${e.tl}\t${e.en}\t${e.score.toFixed(2)}`).join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--sets');
  const sets = (i > 0 ? (process.argv[i + 1] ?? '').split(',') : [...ALL_SETS]) as ParallelSet[];
  for (const s of sets) if (!ALL_SETS.includes(s)) throw new Error(`unknown set ${s}`);
  const entries = buildLexicon(sets);
  writeFileSync(join(ROOT, 'data', 'lexicon', 'tl-en.tsv'), lexiconTsv(entries));
  process.stdout.write(`${entries.length} entries from wiktionary + numbers + calendar + ${sets.join(', ')}\n`);
}
