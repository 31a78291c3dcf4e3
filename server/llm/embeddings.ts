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
export async function embedTexts(db: Db | null, cfg: Config, texts: string[], opts: EmbedOptions = {}): Promise<Float32Array[] | null> {
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

/**
 * The `extraSimilarity(i, j)` of AlignOptions from two lists of vectors: cosine clipped to [0, 1]
 * (unrelated sentences sit near or below 0 for the models we target; negative carries no extra meaning).
 */
export function similarityFromVectors(src: Float32Array[], tgt: Float32Array[]): (i: number, j: number) => number {
  return (i, j) => {
    const a = src[i];
    const b = tgt[j];
    return a && b ? Math.max(0, Math.min(1, cosineSimilarity(a, b))) : 0;
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
