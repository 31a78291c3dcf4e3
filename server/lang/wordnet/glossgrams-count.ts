import { dataFile, POS_LIST } from './files.js';

// Counting word pairs in WordNet's glosses and examples, straight from the data files' bytes (latin1: one
// byte is one character). Run once at build time into data/prebuilt/glossgrams.bin (glossgrams-file.ts),
// or in memory when that file is missing.

/** Word and pair counts in compressed-row form: the pairs of first word a are rows offsets[a]..offsets[a+1]. */
export interface GlossTable {
  words: string[];
  unigrams: Uint32Array;
  offsets: Uint32Array;
  /** second word ids, ascending within a row */
  seconds: Uint32Array;
  counts: Uint32Array;
  total: number;
}

/** Open-addressing hash of id pairs over typed arrays (a Map of half a million number keys is far slower). */
class PairCounts {
  firsts = new Int32Array(1 << 20).fill(-1);
  seconds = new Int32Array(1 << 20);
  counts = new Int32Array(1 << 20);
  size = 0;

  private slot(a: number, b: number): number {
    const mask = this.firsts.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask;
    while (this.firsts[h] !== -1 && (this.firsts[h] !== a || this.seconds[h] !== b)) h = (h + 1) & mask;
    return h;
  }

  add(a: number, b: number): void {
    const h = this.slot(a, b);
    if (this.firsts[h] === -1) {
      this.firsts[h] = a;
      this.seconds[h] = b;
      this.size++;
    }
    this.counts[h]!++;
    if (this.size * 2 > this.firsts.length) this.grow();
  }

  private grow(): void {
    const [fs, ss, cs] = [this.firsts, this.seconds, this.counts];
    this.firsts = new Int32Array(fs.length * 2).fill(-1);
    this.seconds = new Int32Array(fs.length * 2);
    this.counts = new Int32Array(fs.length * 2);
    for (let i = 0; i < fs.length; i++) {
      if (fs[i] === -1) continue;
      const h = this.slot(fs[i]!, ss[i]!);
      this.firsts[h] = fs[i]!;
      this.seconds[h] = ss[i]!;
      this.counts[h] = cs[i]!;
    }
  }
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || isUpper(c);

export function countGlossGrams(): GlossTable {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const uni: number[] = [];
  const pairs = new PairCounts();
  let total = 0;
  for (const pos of POS_LIST) {
    const buf = dataFile(pos);
    let lineStart = 0;
    while (lineStart < buf.length) {
      let lineEnd = buf.indexOf(10, lineStart);
      if (lineEnd < 0) lineEnd = buf.length;
      // licence header lines start with a space; the gloss follows " | "
      const bar = buf[lineStart] === 32 ? -1 : buf.indexOf(' | ', lineStart, 'latin1');
      if (bar >= 0 && bar < lineEnd) {
        let prev = -1;
        let i = bar + 3;
        while (i < lineEnd) {
          const c = buf[i]!;
          // glosses and examples are ';'-separated clauses, examples are quoted: a pair never spans two of them
          if (c === 59 || c === 34) {
            prev = -1;
            i++;
            continue;
          }
          if (!isLetter(c)) {
            i++;
            continue;
          }
          // a word: letters, then at most one "'letters" (don't, o'clock), lowercased
          let j = i;
          let upper = false;
          for (; j < lineEnd && isLetter(buf[j]!); j++) if (isUpper(buf[j]!)) upper = true;
          if (buf[j] === 39 && j + 1 < lineEnd && isLetter(buf[j + 1]!)) {
            for (j++; j < lineEnd && isLetter(buf[j]!); j++) if (isUpper(buf[j]!)) upper = true;
          }
          const raw = buf.toString('latin1', i, j);
          const w = upper ? raw.toLowerCase() : raw;
          let id = ids.get(w);
          if (id === undefined) {
            id = words.length;
            ids.set(w, id);
            words.push(w);
            uni.push(0);
          }
          uni[id]!++;
          total++;
          if (prev >= 0) pairs.add(prev, id);
          prev = id;
          i = j;
        }
      }
      lineStart = lineEnd + 1;
    }
  }
  return { words, unigrams: Uint32Array.from(uni), ...rows(pairs, words.length), total };
}

function rows(p: PairCounts, nWords: number): Pick<GlossTable, 'offsets' | 'seconds' | 'counts'> {
  const slots: number[] = [];
  for (let i = 0; i < p.firsts.length; i++) if (p.firsts[i] !== -1) slots.push(i);
  slots.sort((x, y) => p.firsts[x]! - p.firsts[y]! || p.seconds[x]! - p.seconds[y]!);
  const offsets = new Uint32Array(nWords + 1);
  const seconds = new Uint32Array(slots.length);
  const counts = new Uint32Array(slots.length);
  slots.forEach((s, k) => {
    offsets[p.firsts[s]! + 1]!++;
    seconds[k] = p.seconds[s]!;
    counts[k] = p.counts[s]!;
  });
  for (let a = 0; a < nWords; a++) offsets[a + 1]! += offsets[a]!;
  return { offsets, seconds, counts };
}

/** Count of the pair (a, b) of word ids: a binary search in a's row. */
export function tableCount(t: GlossTable, a: number, b: number): number {
  let lo = t.offsets[a]!;
  let hi = t.offsets[a + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = t.seconds[mid]!;
    if (s === b) return t.counts[mid]!;
    if (s < b) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}
