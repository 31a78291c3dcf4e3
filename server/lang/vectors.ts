import { readFileSync } from 'node:fs';
import { resource, use } from '../core/resources.js';
import type { LineIndex } from './line-index.js';
import { indexFile } from './line-index-file.js';
import { prebuilt } from './prebuilt.js';

// English word vectors: GloVe 6B 100-d (Wikipedia + Gigaword news), the 80,000 most frequent lowercase word
// forms, int8-quantised (data/spin/glove.*, Public Domain Dedication and License; data/spin/SOURCES.md).
// They stand in for the language model we cannot ship: a word that fits its neighbours sits near their sum.
// The file order is corpus frequency, so it doubles as a news-weighted frequency rank.

export const DIMS = 100;

interface Table {
  /** word → row (its line in glove.words) */
  index: LineIndex;
  q: Int8Array;
}

// The quantised rows stay as read; a unit vector is made when a word's is asked for (features.ts keeps each
// form's). Expanding all 80,000 rows up front cost every batch worker 32 MB and a sixth of its warm-up.
const VECTORS = resource('news word vectors', (res): Table => {
  const index = indexFile(res.dataPath('spin', 'glove.words'), '\t', 'utf8', prebuilt(res));
  const raw = readFileSync(res.dataPath('spin', 'glove.i8'));
  if (raw.length !== index.lines * DIMS || index.size !== index.lines) {
    throw new Error(
      `data/spin/glove.i8: ${raw.length} bytes for ${index.lines} words — the data files do not match; rebuild them`,
    );
  }
  return { index, q: new Int8Array(raw.buffer, raw.byteOffset, raw.length) };
});
const load = (): Table => use(VECTORS);

/** Row i's unit-length scale: 1 / its norm (the rows are small integers, so the sum is exact). */
function scaleOf(q: Int8Array, i: number): number {
  let n = 0;
  for (let k = i * DIMS; k < (i + 1) * DIMS; k++) n += (q[k] as number) * (q[k] as number);
  return 1 / (Math.sqrt(n) || 1);
}

/** Adds row i's unit vector (as float32 values) into `into`. */
function addRow(into: Float32Array, q: Int8Array, i: number): void {
  const s = scaleOf(q, i);
  for (let k = 0; k < DIMS; k++) into[k] = (into[k] as number) + Math.fround((q[i * DIMS + k] as number) * s);
}

const VOCAB_SIZE = 80_000;

/** 1-based frequency rank in the vectors' corpus; words outside the table rank VOCAB_SIZE * 2. */
export function newsRank(word: string): number {
  const i = load().index.find(word);
  return i < 0 ? VOCAB_SIZE * 2 : i + 1;
}

/** Sum of the unit vectors of the given words (those without a vector are skipped), normalised. */
export function centroid(words: readonly string[]): Float32Array | null {
  const t = load();
  const c = new Float32Array(DIMS);
  let n = 0;
  for (const w of words) {
    const i = t.index.find(w);
    if (i < 0) continue;
    addRow(c, t.q, i);
    n++;
  }
  if (n === 0) return null;
  let norm = 0;
  for (let k = 0; k < DIMS; k++) norm += (c[k] as number) ** 2;
  const s = 1 / (Math.sqrt(norm) || 1);
  for (let k = 0; k < DIMS; k++) c[k] = (c[k] as number) * s;
  return c;
}

/** The unit vector of a word, or of a phrase (the centroid of its words but `skip`); null without one. */
export function vectorOf(word: string, skip?: ReadonlySet<string>): Float32Array | null {
  const t = load();
  const parts = word.split(/[\s_]+/);
  if (parts.length > 1) return centroid(skip ? parts.filter((p) => !skip.has(p)) : parts);
  const i = t.index.find(word);
  if (i < 0) return null;
  const v = new Float32Array(DIMS);
  addRow(v, t.q, i);
  return v;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < DIMS; k++) s += (a[k] as number) * (b[k] as number);
  return s;
}
