import { foldedClasses, foldedCollocationClasses, shareClass } from '../../lang/synonym-classes.js';
import { fold, words as tokens } from '../../lang/text-norm.js';

// A spun copy against its original, word by word: the content words of each in order, each word as its
// synonym classes (lang/synonym-classes.ts), and the longest common subsequence of words that share a class.
// A spinner keeps the order of what it rewrites, so even with half of the words swapped nearly all of a
// copy's content words pair up with its original's, in order; an article on the same topic shares many
// words too, but not in one order. The subsequence is sought in a band around the diagonal (a spinner moves
// nothing far), which keeps the cost near linear in the length of the texts.

/** Content word i is the classes keys[start[i] .. start[i+1]). */
export interface WordSequence {
  keys: Uint32Array;
  start: Uint32Array;
}

export const EMPTY_SEQUENCE: WordSequence = { keys: new Uint32Array(0), start: Uint32Array.of(0) };

/** The content words of English texts (paragraphs, sentences) in order, as synonym classes. */
export function wordSequence(texts: string[]): WordSequence {
  const keys: number[] = [];
  const start: number[] = [];
  for (const text of texts) {
    const ws = tokens(text);
    // each word folded once: it is looked up alone and as the first and the second word of a pair
    let folded = ws.length ? fold(ws[0]!) : '';
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const f = folded;
      const next = ws[i + 1];
      if (next !== undefined) folded = fold(next);
      if (w.length < 2) continue;
      const own = foldedClasses(f);
      if (own.length === 0) continue;
      start.push(keys.length);
      const colloc = next === undefined ? null : foldedCollocationClasses(f, folded);
      if (!colloc?.length) for (const k of own) keys.push(k);
      else for (const k of mergeSorted(own, colloc)) keys.push(k);
    }
  }
  start.push(keys.length);
  return { keys: Uint32Array.from(keys), start: Uint32Array.from(start) };
}

/** The distinct values of two sorted lists, sorted (shareClass walks them in order). */
function mergeSorted(a: Uint32Array, b: Uint32Array): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    const v = x <= y ? x : y;
    if (x === v) i++;
    if (y === v) j++;
    out.push(v);
  }
  return out;
}

export const sequenceLength = (s: WordSequence): number => s.start.length - 1;

// two rows of the table, reused: a batch aligns thousands of pairs (every cell read is written first)
let rows: [Int32Array, Int32Array] = [new Int32Array(0), new Int32Array(0)];

/** Minimum words of each text for an aligned similarity: a few shared words say nothing. */
const MIN_WORDS = 12;
/** Words a pairing may stray from the diagonal at most: a spinner's longer or shorter swaps add up to a little drift. */
const MAX_BAND = 40;

/**
 * Dice coefficient of the in-order word pairing of two sequences: 2·LCS / (n + m), where two words pair when
 * they share a synonym class and stand within the band around the diagonal. 0 when either text is too short,
 * or when their lengths alone keep it below `atLeast`.
 */
export function alignedSimilarity(a: WordSequence, b: WordSequence, atLeast = 0): number {
  const n = sequenceLength(a);
  const m = sequenceLength(b);
  if (n < MIN_WORDS || m < MIN_WORDS) return 0;
  if ((2 * Math.min(n, m)) / (n + m) < atLeast) return 0; // the shorter text cannot reach it, all paired
  const band = Math.min(MAX_BAND, 8 + Math.ceil(0.1 * Math.max(n, m)));
  // Row i holds L(i, j) for j in [lo - 1, hi] only. Pairs are allowed in the band alone, and the band moves
  // right row by row, so L(i, j) = L(i, hi) for j > hi, and the next row reads no column left of lo - 1.
  if (rows[0].length <= m) rows = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
  let [prev, cur] = rows;
  let prevHi = 0;
  prev[0] = 0;
  for (let i = 1; i <= n; i++) {
    const mid = Math.round((i * m) / n);
    const lo = Math.max(1, mid - band);
    const hi = Math.min(m, mid + band);
    const up = (j: number): number => prev[j > prevHi ? prevHi : j]!;
    cur[lo - 1] = i === 1 ? 0 : up(lo - 1);
    const [aFrom, aTo] = [a.start[i - 1]!, a.start[i]!];
    for (let j = lo; j <= hi; j++) {
      const u = up(j);
      const left = cur[j - 1]!;
      cur[j] = shareClass(a.keys, aFrom, aTo, b.keys, b.start[j - 1]!, b.start[j]!)
        ? up(j - 1) + 1
        : u > left
          ? u
          : left;
    }
    prevHi = hi;
    [prev, cur] = [cur, prev];
    // even if every word left paired, `atLeast` is out of reach: most candidates are unrelated texts
    if ((2 * (prev[hi]! + n - i)) / (n + m) < atLeast) return 0;
  }
  return (2 * prev[prevHi]!) / (n + m);
}
