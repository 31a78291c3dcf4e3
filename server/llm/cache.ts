import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';
import { llmCacheGet, llmCachePut } from '../db/llm-cache.js';

// Responses cached in llm_cache keyed by sha256(model + kind + prompt): a re-run costs no request.

export type CacheKind = 'chat' | 'embedding';

export const cacheKey = (model: string, kind: CacheKind, prompt: string): string =>
  createHash('sha256').update(`${model}\u0000${kind}\u0000${prompt}`).digest('hex');

export const cacheGet = (db: Db, key: string): string | null => llmCacheGet(db, key);

export function cachePut(db: Db, key: string, model: string, kind: CacheKind, response: string, tokens: number): void {
  llmCachePut(db, key, model, kind, response, tokens);
}

/** Embedding vectors are stored as base64 float32 (exact for what we use, about half the size of JSON). */
export function encodeVector(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}
export function decodeVector(s: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}
