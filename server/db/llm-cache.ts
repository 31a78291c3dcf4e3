import { stmt } from './stmt.js';
import type { Db } from './index.js';
import { nowIso } from '../clock.js';

// The model layer's response cache (llm_cache), keyed by the hash llm/cache.ts computes.

export function llmCacheGet(db: Db, key: string): string | null {
  const row = stmt(db, 'SELECT response FROM llm_cache WHERE key = ?').get(key) as { response: string } | undefined;
  return row?.response ?? null;
}

/** Stores (or replaces) one response; the key already says model, kind and prompt. */
export function llmCachePut(db: Db, key: string, model: string, kind: string, response: string, tokens: number): void {
  stmt(
    db,
    `INSERT INTO llm_cache (key, model, kind, response, tokens, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET response = excluded.response, tokens = excluded.tokens, created_at = excluded.created_at`,
  ).run(key, model, kind, response, tokens, nowIso());
}
