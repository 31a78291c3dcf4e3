import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

// English word vectors: GloVe 6B 100-d (Wikipedia + Gigaword news), the 80,000 most frequent lowercase word
// forms, int8-quantised (data/spin/glove.*, Public Domain Dedication and License; data/spin/SOURCES.md).
// They stand in for the language model we cannot ship: a word that fits its neighbours sits near their sum.
// The file order is corpus frequency, so it doubles as a news-weighted frequency rank.

export const DIMS = 100;

interface Table {
  index: Map<string, number>;
  /** unit vectors, row-major */
  unit: Float32Array;
}
let table: Table | null = null;

function load(): Table {
  if (table) return table;
  const words = readFileSync(dataPath('spin', 'glove.words'), 'utf8').split('\n').filter(Boolean);
  const raw = readFileSync(dataPath('spin', 'glove.i8'));
  if (raw.length !== words.length * DIMS) throw new Error(`data/spin/glove.i8: ${raw.length} bytes for ${words.length} words — the data files do not match; rebuild them`);
  const q = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  const unit = new Float32Array(q.length);
  const index = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    let n = 0;
    for (let k = 0; k < DIMS; k++) {
      const x = q[i * DIMS + k] as number;
      n += x * x; // small integers: exact, as ** 2 was
    }
    const s = 1 / (Math.sqrt(n) || 1);
    for (let k = 0; k < DIMS; k++) unit[i * DIMS + k] = (q[i * DIMS + k] as number) * s;
    index.set(words[i] as string, i);
  }
  table = { index, unit };
  return table;
}

const VOCAB_SIZE = 80_000;

/** 1-based frequency rank in the vectors' corpus; words outside the table rank VOCAB_SIZE * 2. */
export function newsRank(word: string): number {
  const i = load().index.get(word);
  return i === undefined ? VOCAB_SIZE * 2 : i + 1;
}

export function hasVector(word: string): boolean {
  return load().index.has(word);
}

/** Sum of the unit vectors of the given words (those without a vector are skipped), normalised. */
export function centroid(words: readonly string[]): Float32Array | null {
  const t = load();
  const c = new Float32Array(DIMS);
  let n = 0;
  for (const w of words) {
    const i = t.index.get(w);
    if (i === undefined) continue;
    for (let k = 0; k < DIMS; k++) c[k] = (c[k] as number) + (t.unit[i * DIMS + k] as number);
    n++;
  }
  if (n === 0) return null;
  let norm = 0;
  for (let k = 0; k < DIMS; k++) norm += (c[k] as number) ** 2;
  const s = 1 / (Math.sqrt(norm) || 1);
  for (let k = 0; k < DIMS; k++) c[k] = (c[k] as number) * s;
  return c;
}

/** The unit vector of a word, or of a phrase (the centroid of its words but `skip`); null without one.
 * A single word's vector is a view into the table: callers must not write to it. */
export function vectorOf(word: string, skip?: ReadonlySet<string>): Float32Array | null {
  const t = load();
  const parts = word.split(/[\s_]+/);
  if (parts.length > 1) return centroid(skip ? parts.filter((p) => !skip.has(p)) : parts);
  const i = t.index.get(word);
  return i === undefined ? null : t.unit.subarray(i * DIMS, (i + 1) * DIMS);
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < DIMS; k++) s += (a[k] as number) * (b[k] as number);
  return s;
}
