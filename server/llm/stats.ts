// Counters of one run of the model layer, for the batch report and the `tapat judge` summary.
// Every request, retry, cache hit and failure is counted here, so "what was skipped" is always explicit.

export const FAILURES = [
  'timeout',
  'rate-limited', // 429 after the last retry
  'server-error', // 5xx after the last retry
  'http-error', // other 4xx: not retried
  'network', // connection refused / reset
  'bad-response', // answered, but unusable (no content, wrong shape, empty embedding vectors)
  'budget', // not sent: the run's request or token budget was reached
  'unavailable', // not sent: the endpoint failed too many times in a row this run
] as const;
export type FailureReason = (typeof FAILURES)[number];

export interface LlmStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  retries: number;
  cacheHits: number;
  promptTokens: number;
  completionTokens: number;
  /** Calls that produced nothing, by reason (one per call, not per attempt). */
  failures: Record<FailureReason, number>;
  /** Set once when the run stops calling the endpoint: budget reached or endpoint down. */
  stopped: { reason: 'budget-requests' | 'budget-tokens' | 'unavailable'; message: string } | null;
}

export function newStats(): LlmStats {
  return {
    requests: 0,
    retries: 0,
    cacheHits: 0,
    promptTokens: 0,
    completionTokens: 0,
    failures: Object.fromEntries(FAILURES.map((f) => [f, 0])) as Record<FailureReason, number>,
    stopped: null,
  };
}

/** One line for humans: "12 requests (2 retries), 5 cache hits, 3,400 tokens; failed: timeout 1". */
export function statsLine(s: LlmStats): string {
  const failed = FAILURES.filter((f) => s.failures[f] > 0).map((f) => `${f} ${s.failures[f]}`);
  const tokens = s.promptTokens + s.completionTokens;
  let line = `${s.requests} requests (${s.retries} retries), ${s.cacheHits} cache hits, ${tokens} tokens`;
  if (failed.length) line += `; failed: ${failed.join(', ')}`;
  if (s.stopped) line += `; stopped: ${s.stopped.message}`;
  return line;
}
