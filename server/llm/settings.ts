import type { Config } from '../config.js';
import { UsageError } from '../errors.js';

// Resolved settings of the optional model layer. The layer is OFF unless a base URL and at least one
// model are configured (config file `llm` section or TAPAT_LLM_BASE_URL / TAPAT_LLM_MODEL / TAPAT_EMBED_MODEL).

export interface LlmSettings {
  baseUrl: string; // includes /v1
  apiKey: string;
  chatModel: string | null;
  embedModel: string | null;
  timeoutMs: number;
  concurrency: number;
  /** Budget per run (one LlmClient): HTTP requests sent, retries included. */
  maxRequests: number;
  /** Budget per run: prompt + completion tokens (reported usage, or an estimate when the server reports none). */
  maxTokens: number;
  /** Retries after the first attempt for 429 and 5xx answers only. */
  retries: number;
  /** First backoff delay; doubled per retry (a Retry-After header wins when larger, capped at maxBackoffMs). */
  backoffMs: number;
  maxBackoffMs: number;
  /** After this many consecutive failed calls (retries exhausted) the endpoint is treated as down for the run. */
  maxConsecutiveFailures: number;
  /** Completion token cap per judge request. */
  maxCompletionTokens: number;
  /** Texts per embeddings request. */
  embedBatch: number;
}

export type LlmOverrides = Partial<Omit<LlmSettings, 'baseUrl'>>;

export function llmSettings(cfg: Config, overrides: LlmOverrides = {}): LlmSettings | null {
  const l = cfg.llm;
  if (!l.baseUrl || (!l.model && !l.embedModel)) return null;
  // The environment bypasses the config schema's URL check; a mistyped endpoint is refused, like any bad config.
  let url: URL | null = null;
  try {
    url = new URL(l.baseUrl);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`LLM base URL is not an http(s) URL: "${l.baseUrl}" (expected e.g. http://127.0.0.1:8080/v1)`);
  }
  return {
    baseUrl: l.baseUrl.replace(/\/+$/, ''),
    apiKey: l.apiKey ?? 'none',
    chatModel: l.model,
    embedModel: l.embedModel,
    timeoutMs: l.timeoutMs,
    concurrency: l.concurrency,
    maxRequests: l.maxRequests,
    maxTokens: l.maxTokens,
    retries: 2,
    backoffMs: 500,
    maxBackoffMs: 8000,
    maxConsecutiveFailures: 3,
    maxCompletionTokens: 1024,
    embedBatch: 64,
    ...overrides,
  };
}
