import type { Db } from '../db/index.js';
import type { Config } from '../config.js';
import { createLlm, type LlmClient } from './client.js';

// Sentence embeddings as an extra alignment signal and for story grouping. Optional: every function
// answers null when the layer is unconfigured or the endpoint fails, and callers carry on without them.

export interface EmbedOptions {
  /** Share one client (budget, counters, cache) across calls; default: a new one from cfg. */
  client?: LlmClient | null;
}

/** One vector per text, cached per text and model; null when unconfigured or anything failed. */
export async function embedTexts(
  db: Db | null,
  cfg: Config,
  texts: string[],
  opts: EmbedOptions = {},
): Promise<Float32Array[] | null> {
  const client = opts.client !== undefined ? opts.client : createLlm(db, cfg);
  if (!client || !client.settings.embedModel) return null;
  if (texts.length === 0) return [];
  const r = await client.embed(texts);
  return r.ok ? r.value : null;
}

export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  const out = new Float32Array(v.length);
  if (n > 0) for (let i = 0; i < v.length; i++) out[i] = v[i]! / Math.sqrt(n);
  return out;
}

const dot = (a: Float32Array, b: Float32Array): number => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += a[i]! * b[i]!;
  return d;
};

const BASELINE_SAMPLE = 4000;
const MEMO_CELLS = 4_000_000;

/**
 * The `extraSimilarity(i, j)` of AlignOptions from two lists of vectors, calibrated to [0, 1]:
 * (cos − baseline) / (1 − baseline), where the baseline is the mean cosine of the document pair's
 * sentence pairs (sampled). Embedding models differ wildly in how similar unrelated sentences look
 * (some sit near 0, others near 0.7); relative to the documents' own baseline the signal means the same
 * for all of them. Cosines are memoised: the aligner asks for the same cells many times.
 */
export function similarityFromVectors(src: Float32Array[], tgt: Float32Array[]): (i: number, j: number) => number {
  const a = src.map(unit);
  const b = tgt.map(unit);
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || a[0]!.length !== b[0]!.length) return () => 0;
  const cells = n * m;
  const step = Math.max(1, Math.floor(cells / BASELINE_SAMPLE));
  let sum = 0;
  let count = 0;
  for (let c = 0; c < cells; c += step) {
    sum += dot(a[Math.floor(c / m)]!, b[c % m]!);
    count++;
  }
  const baseline = Math.min(0.95, Math.max(0, sum / count));
  const memo = cells <= MEMO_CELLS ? new Float32Array(cells).fill(Number.NaN) : null;
  return (i, j) => {
    if (i < 0 || j < 0 || i >= n || j >= m) return 0;
    const k = i * m + j;
    const hit = memo?.[k];
    if (hit !== undefined && !Number.isNaN(hit)) return hit;
    const v = Math.max(0, Math.min(1, (dot(a[i]!, b[j]!) - baseline) / (1 - baseline)));
    if (memo) memo[k] = v;
    return v;
  };
}

/** Embeds both sides (one call, one cache) and returns extraSimilarity for alignSentences, or null. */
export async function embeddingSimilarity(
  db: Db | null,
  cfg: Config,
  src: string[],
  tgt: string[],
  opts: EmbedOptions = {},
): Promise<((i: number, j: number) => number) | null> {
  const vecs = await embedTexts(db, cfg, [...src, ...tgt], opts);
  return vecs ? similarityFromVectors(vecs.slice(0, src.length), vecs.slice(src.length)) : null;
}
