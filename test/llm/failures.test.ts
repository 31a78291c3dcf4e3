import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeStory, judgeSummary, type JudgePair } from '../../server/llm/judge.js';
import { createLlm } from '../../server/llm/client.js';
import { Limiter } from '../../server/llm/limiter.js';
import type { Finding } from '../../server/pipeline/types.js';
import { configFor, fakeEndpoint } from '../helpers/llm.js';

// Endpoint trouble: the judge always completes, says what it skipped and why, and stays within its bounds.

const flagged: Finding = {
  detector: 'numbers',
  category: 'accuracy/mistranslation',
  severity: 'major',
  confidence: 0.6,
  rawScore: 1,
  segments: [0],
  otherSegments: [0],
  span: null,
  otherSpan: null,
  message: 'number differs',
  evidence: {},
  suggestion: null,
};
const pairs = (n: number): JudgePair[] =>
  Array.from({ length: n }, (_, i) => ({
    src: `There were ${i} boats.`,
    tgt: `May ${i + 1} bangka.`,
    srcLang: 'en',
    tgtLang: 'tl',
    offlineFindings: [flagged],
  }));

test('hang: each call times out, the endpoint is declared down after 3, the rest is skipped, the run completes', async () => {
  const { fake, cfg } = await fakeEndpoint('hang');
  const client = createLlm(null, configFor(fake.baseUrl, { timeoutMs: 150, concurrency: 1 }));
  const r = await judgeStory(null, cfg, pairs(5), { client });
  // Counted on our side: under load a request can time out before the server has even seen it.
  assert.equal(r.stats.llm!.requests, 3);
  assert.ok(fake.counts.chat <= 3);
  assert.equal(r.stats.skipped.timeout, 3);
  assert.equal(r.stats.skipped.unavailable, 2);
  assert.equal(r.stats.judged, 0);
  assert.deepEqual([r.findings, r.adjustments], [[], []]);
  assert.equal(r.stats.llm!.stopped!.reason, 'unavailable');
  assert.match(judgeSummary(r.stats), /skipped: timeout 3, unavailable 2.*stopped: endpoint failed 3 calls in a row/);
});

for (const status of ['429', '500'] as const) {
  test(`${status}: bounded retry with backoff, then give up and count it`, async () => {
    const { fake, cfg } = await fakeEndpoint(status);
    const client = createLlm(null, cfg, { retries: 2, backoffMs: 5 });
    const r = await judgeStory(null, cfg, pairs(1), { client });
    assert.equal(fake.counts.chat, 3, 'first attempt + 2 retries');
    assert.equal(r.stats.llm!.retries, 2);
    assert.equal(r.stats.llm!.requests, 3);
    assert.equal(r.stats.skipped[status === '429' ? 'rate-limited' : 'server-error'], 1);
    assert.equal(r.findings.length, 0);
  });
}

test('a 429 then 500 followed by a good answer succeeds on the third attempt', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  fake.queue.push('429', '500');
  const client = createLlm(null, cfg, { retries: 2, backoffMs: 5 });
  const r = await judgeStory(null, cfg, pairs(1), { client });
  assert.equal(fake.counts.chat, 3);
  assert.equal(r.stats.judged, 1);
  assert.equal(r.findings.length, 1);
  assert.equal(r.stats.llm!.retries, 2);
});

test('a dropped connection is retried once at once on a fresh one; two in a row are a network failure', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  fake.queue.push('reset');
  const client = createLlm(null, cfg, { retries: 2, backoffMs: 5 });
  const r = await judgeStory(null, cfg, pairs(1), { client });
  assert.equal(fake.counts.chat, 2);
  assert.equal(r.stats.judged, 1);
  assert.equal(r.stats.llm!.retries, 1);
  fake.queue.push('reset', 'reset');
  const again = await judgeStory(null, cfg, pairs(1), { client: createLlm(null, cfg, { retries: 2, backoffMs: 5 }) });
  assert.equal(again.stats.skipped.network, 1);
  assert.equal(fake.counts.chat, 4);
});

test('request budget: a clear stop once reached, the remaining pairs counted as skipped', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  const client = createLlm(null, configFor(fake.baseUrl, { maxRequests: 2, concurrency: 1 }));
  const r = await judgeStory(null, cfg, pairs(5), { client });
  assert.equal(fake.counts.chat, 2);
  assert.equal(r.stats.judged, 2);
  assert.equal(r.stats.skipped.budget, 3);
  assert.equal(r.stats.llm!.stopped!.reason, 'budget-requests');
  assert.match(judgeSummary(r.stats), /request budget of 2 reached/);
});

test('token budget: a request that would pass it is not sent', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  const client = createLlm(null, configFor(fake.baseUrl, { maxTokens: 2000, concurrency: 1 }), {
    maxCompletionTokens: 1024,
  });
  const r = await judgeStory(null, cfg, pairs(3), { client });
  assert.ok(fake.counts.chat >= 1 && fake.counts.chat < 3, `sent ${fake.counts.chat}`);
  assert.equal(r.stats.skipped.budget, 3 - fake.counts.chat);
  assert.equal(r.stats.llm!.stopped!.reason, 'budget-tokens');
  assert.ok(r.stats.llm!.promptTokens + r.stats.llm!.completionTokens <= 2000);
});

test('endpoint down (nothing listening): network failures, skipped, no throw', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  const url = fake.baseUrl;
  await fake.close();
  const client = createLlm(null, configFor(url, { concurrency: 1 }));
  const r = await judgeStory(null, cfg, pairs(4), { client });
  assert.equal(r.stats.skipped.network, 3);
  assert.equal(r.stats.skipped.unavailable, 1);
  assert.equal(r.findings.length, 0);
});

test('concurrency limit: while two calls hang, a third is not sent', async () => {
  const { fake, cfg } = await fakeEndpoint('hang');
  const client = createLlm(null, configFor(fake.baseUrl, { timeoutMs: 1500, concurrency: 2 }), {
    maxConsecutiveFailures: 10,
  });
  const run = judgeStory(null, cfg, pairs(4), { client });
  while (fake.counts.chat < 2) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(fake.counts.chat, 2, 'the other two wait for a free slot');
  const r = await run;
  assert.equal(r.stats.skipped.timeout, 4);
  assert.equal(fake.counts.chat, 4);
});

test('the limiter never runs more than its limit at once', async () => {
  const limiter = new Limiter(3);
  let active = 0;
  let most = 0;
  const release: (() => void)[] = [];
  const tasks = Array.from({ length: 10 }, () =>
    limiter.run(async () => {
      active++;
      most = Math.max(most, active);
      await new Promise<void>((r) => release.push(r));
      active--;
    }),
  );
  while (release.length || active) {
    await new Promise((r) => setImmediate(r));
    release.shift()?.();
  }
  await Promise.all(tasks);
  assert.equal(most, 3);
});

test('a 400 refuses one request and is not retried; a 401 on every call means the endpoint is unusable', async () => {
  const { fake, cfg } = await fakeEndpoint('400');
  const c400 = createLlm(null, configFor(fake.baseUrl, { concurrency: 1 }));
  const r400 = await judgeStory(null, cfg, pairs(4), { client: c400 });
  assert.equal(r400.stats.skipped['http-error'], 4, 'each pair tried once, the run goes on');
  assert.equal(c400!.stats.retries, 0);
  fake.mode = '401';
  const c401 = createLlm(null, configFor(fake.baseUrl, { concurrency: 1 }));
  const r401 = await judgeStory(null, cfg, pairs(4), { client: c401 });
  assert.equal(r401.stats.skipped['http-error'], 3);
  assert.equal(r401.stats.skipped.unavailable, 1);
});
