import { createRequire } from 'node:module';
import type { OpenAI } from 'openai';
import type { Db } from '../db/index.js';
import type { Config } from '../config.js';
import { cacheGet, cacheKey, cachePut, decodeVector, encodeVector } from './cache.js';
import { Limiter } from './limiter.js';
import { llmSettings, type LlmOverrides, type LlmSettings } from './settings.js';
import { newStats, type FailureReason, type LlmStats } from './stats.js';

// One LlmClient per run: it owns the budget, the counters, the concurrency limit and the
// "endpoint is down" switch. The openai client does no retries of its own (maxRetries: 0):
// retrying and counting happen here, explicitly. Nothing in this file throws for endpoint trouble;
// every call resolves to a value or to a counted failure, so callers fall back to offline results.

export type CallResult<T> =
  { ok: true; value: T; cached: boolean } | { ok: false; reason: FailureReason; message: string };

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

class BadResponse extends Error {}

interface Sent<T> {
  value: T;
  promptTokens: number | undefined;
  completionTokens: number | undefined;
}

/** Rough token count for budgeting when the server does not report usage (about 4 characters a token). */
export const estimateTokens = (s: string): number => Math.ceil(s.length / 4);

// The SDK is loaded when a client is made: a run without a model endpoint (most batches) does not pay for
// loading it (60 ms of every `tapat audit` start, before the first input is read).
const require = createRequire(import.meta.url);
let sdk: typeof import('openai') | null = null;
const openaiSdk = (): typeof import('openai') => (sdk ??= require('openai') as typeof import('openai'));

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class LlmClient {
  readonly stats: LlmStats = newStats();
  private readonly openai: OpenAI;
  private readonly limiter: Limiter;
  private consecutiveFailures = 0;
  private reservedTokens = 0;

  constructor(
    private readonly db: Db | null,
    readonly settings: LlmSettings,
  ) {
    this.openai = new (openaiSdk().OpenAI)({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey,
      maxRetries: 0,
      timeout: settings.timeoutMs,
    });
    this.limiter = new Limiter(settings.concurrency);
  }

  /** A chat completion's text. `accept` decides whether the answer is worth caching (garbage is not). */
  async chat(messages: ChatMessage[], accept: (content: string) => boolean): Promise<CallResult<string>> {
    const model = this.settings.chatModel;
    if (!model) return { ok: false, reason: 'bad-response', message: 'no chat model configured' };
    const params = { model, messages, temperature: 0, max_tokens: this.settings.maxCompletionTokens };
    const key = cacheKey(model, 'chat', JSON.stringify({ messages, temperature: 0, max_tokens: params.max_tokens }));
    const hit = this.db ? cacheGet(this.db, key) : null;
    // A cached answer the current validation rejects (rules changed since) is asked again, not reused.
    if (hit !== null && accept(hit)) {
      this.stats.cacheHits++;
      return { ok: true, value: hit, cached: true };
    }
    const promptEstimate = estimateTokens(messages.map((m) => m.content).join('\n'));
    const r = await this.send(promptEstimate + params.max_tokens, async (signal): Promise<Sent<string>> => {
      const res = await this.openai.chat.completions.create(params, { signal });
      const content = res.choices?.[0]?.message?.content;
      if (typeof content !== 'string' || content.trim() === '') throw new BadResponse('answer has no message content');
      return {
        value: content,
        promptTokens: res.usage?.prompt_tokens ?? promptEstimate,
        completionTokens: res.usage?.completion_tokens ?? estimateTokens(content),
      };
    });
    if (r.ok && this.db && accept(r.value.value)) {
      cachePut(
        this.db,
        key,
        model,
        'chat',
        r.value.value,
        (r.value.promptTokens ?? 0) + (r.value.completionTokens ?? 0),
      );
    }
    return r.ok ? { ok: true, value: r.value.value, cached: false } : r;
  }

  /** One vector per text (cached per text). Any failed batch or empty/inconsistent vector fails the whole call. */
  async embed(texts: string[]): Promise<CallResult<Float32Array[]>> {
    const model = this.settings.embedModel;
    if (!model) return { ok: false, reason: 'bad-response', message: 'no embedding model configured' };
    const out: (Float32Array | null)[] = texts.map(() => null);
    const missing = new Map<string, number[]>(); // text → positions
    texts.forEach((t, i) => {
      const hit = this.db ? cacheGet(this.db, cacheKey(model, 'embedding', t)) : null;
      if (hit !== null) {
        this.stats.cacheHits++;
        out[i] = decodeVector(hit);
      } else missing.set(t, [...(missing.get(t) ?? []), i]);
    });
    const todo = [...missing.keys()];
    const batches: string[][] = [];
    for (let i = 0; i < todo.length; i += this.settings.embedBatch)
      batches.push(todo.slice(i, i + this.settings.embedBatch));
    const results = await Promise.all(batches.map((batch) => this.embedBatch(model, batch)));
    for (let b = 0; b < batches.length; b++) {
      const r = results[b]!;
      if (!r.ok) return r;
      batches[b]!.forEach((t, k) => {
        for (const i of missing.get(t)!) out[i] = r.value[k]!;
      });
    }
    const vectors = out as Float32Array[];
    const dims = vectors[0]?.length;
    if (vectors.some((v) => v.length !== dims)) {
      this.stats.failures['bad-response']++;
      return { ok: false, reason: 'bad-response', message: 'embedding vectors of different sizes (model changed?)' };
    }
    return { ok: true, value: vectors, cached: todo.length === 0 };
  }

  private async embedBatch(model: string, batch: string[]): Promise<CallResult<Float32Array[]>> {
    const estimate = batch.reduce((n, t) => n + estimateTokens(t), 0);
    const r = await this.send(estimate, async (signal): Promise<Sent<Float32Array[]>> => {
      // encoding_format 'float': some servers silently answer empty vectors to the SDK's default base64.
      const res = await this.openai.embeddings.create({ model, input: batch, encoding_format: 'float' }, { signal });
      const data = [...(res.data ?? [])].sort((a, b) => a.index - b.index);
      if (data.length !== batch.length) throw new BadResponse(`asked ${batch.length} embeddings, got ${data.length}`);
      const vectors = data.map((d) => {
        const e: unknown = d.embedding;
        if (!Array.isArray(e) || e.length === 0 || !e.every((x) => typeof x === 'number' && Number.isFinite(x))) {
          throw new BadResponse('empty or non-numeric embedding vector');
        }
        return Float32Array.from(e as number[]);
      });
      return { value: vectors, promptTokens: res.usage?.prompt_tokens ?? estimate, completionTokens: 0 };
    });
    if (!r.ok) return r;
    if (this.db) {
      const db = this.db;
      const per = Math.ceil((r.value.promptTokens ?? 0) / batch.length);
      batch.forEach((t, k) =>
        cachePut(db, cacheKey(model, 'embedding', t), model, 'embedding', encodeVector(r.value.value[k]!), per),
      );
    }
    return { ok: true, value: r.value.value, cached: false };
  }

  /** Budget and "endpoint down" check before each attempt; sets `stopped` once, with a clear message. */
  private refusal(estimate: number): { ok: false; reason: FailureReason; message: string } | null {
    const s = this.settings;
    if (!this.stats.stopped) {
      const used = this.stats.promptTokens + this.stats.completionTokens + this.reservedTokens;
      if (this.stats.requests >= s.maxRequests) {
        this.stats.stopped = {
          reason: 'budget-requests',
          message: `request budget of ${s.maxRequests} reached; remaining calls skipped`,
        };
      } else if (used + estimate > s.maxTokens) {
        this.stats.stopped = {
          reason: 'budget-tokens',
          message: `token budget of ${s.maxTokens} reached; remaining calls skipped`,
        };
      }
    }
    if (!this.stats.stopped) return null;
    const reason: FailureReason = this.stats.stopped.reason === 'unavailable' ? 'unavailable' : 'budget';
    return { ok: false, reason, message: this.stats.stopped.message };
  }

  private async send<T>(estimate: number, fn: (signal: AbortSignal) => Promise<Sent<T>>): Promise<CallResult<Sent<T>>> {
    return this.limiter.run(async () => {
      for (let attempt = 0; ; attempt++) {
        const refused = this.refusal(estimate);
        if (refused) {
          this.stats.failures[refused.reason]++;
          return refused;
        }
        this.stats.requests++;
        if (attempt > 0) this.stats.retries++;
        this.reservedTokens += estimate;
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, this.settings.timeoutMs);
        try {
          const sent = await fn(controller.signal);
          this.stats.promptTokens += sent.promptTokens ?? 0;
          this.stats.completionTokens += sent.completionTokens ?? 0;
          this.consecutiveFailures = 0;
          return { ok: true, value: sent, cached: false };
        } catch (err) {
          const { reason, message, retryAfterMs, requestFault } = classify(err, timedOut);
          // A reset connection is most often a kept-alive socket the server closed while idle: one fresh
          // connection at once settles it (a server that is really down fails that one too).
          if (reason === 'network' && attempt === 0 && this.settings.retries > 0) continue;
          const retryable = reason === 'rate-limited' || reason === 'server-error';
          if (retryable && attempt < this.settings.retries) {
            const backoff = Math.max(this.settings.backoffMs * 2 ** attempt, retryAfterMs);
            await sleep(Math.min(backoff, this.settings.maxBackoffMs));
            continue;
          }
          this.stats.failures[reason]++;
          this.noteFailure(reason, requestFault);
          return { ok: false, reason, message };
        } finally {
          clearTimeout(timer);
          this.reservedTokens -= estimate;
        }
      }
    });
  }

  /**
   * A server that answers (even badly) is up, and a request it refuses for itself (too long, 400) says nothing
   * about the next one; one that times out, refuses connections, errors or rejects our key N times in a row is down.
   */
  private noteFailure(reason: FailureReason, requestFault: boolean): void {
    if (reason === 'bad-response' || requestFault) {
      this.consecutiveFailures = 0;
      return;
    }
    this.consecutiveFailures++;
    if (this.consecutiveFailures >= this.settings.maxConsecutiveFailures && !this.stats.stopped) {
      this.stats.stopped = {
        reason: 'unavailable',
        message: `endpoint failed ${this.consecutiveFailures} calls in a row (last: ${reason}); remaining calls skipped`,
      };
    }
  }
}

interface Classified {
  reason: FailureReason;
  message: string;
  retryAfterMs: number;
  /** The request itself was refused (400, 413, 422): the endpoint is fine. */
  requestFault: boolean;
}

function classify(err: unknown, timedOut: boolean): Classified {
  const message = err instanceof Error ? err.message : String(err);
  const plain = (reason: FailureReason, msg = message): Classified => ({
    reason,
    message: msg,
    retryAfterMs: 0,
    requestFault: false,
  });
  // the SDK's errors come from a client, so the SDK is loaded by then
  const { APIConnectionError, APIConnectionTimeoutError, APIError } = openaiSdk();
  if (timedOut || err instanceof APIConnectionTimeoutError) return plain('timeout', 'request timed out');
  if (err instanceof BadResponse) return plain('bad-response');
  if (err instanceof APIConnectionError) return plain('network');
  if (err instanceof APIError && typeof err.status === 'number') {
    const retryAfter = Number(err.headers?.get('retry-after') ?? '');
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0;
    if (err.status === 429) return { ...plain('rate-limited'), retryAfterMs };
    if (err.status >= 500) return { ...plain('server-error'), retryAfterMs };
    return { ...plain('http-error'), requestFault: [400, 413, 422].includes(err.status) };
  }
  // The SDK could not read the body (not JSON, cut short): the server answered, unusably.
  return plain('bad-response');
}

/** The run's client, or null when the layer is not configured (callers then do nothing). */
export function createLlm(db: Db | null, cfg: Config, overrides: LlmOverrides = {}): LlmClient | null {
  const s = llmSettings(cfg, overrides);
  return s ? new LlmClient(db, s) : null;
}
