import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cosineSimilarity,
  embedTexts,
  embeddingSimilarity,
  similarityFromVectors,
} from '../../server/llm/embeddings.js';
import { createLlm } from '../../server/llm/client.js';
import { tmpDb } from '../helpers/tmp.js';
import { configFor, fakeEndpoint, unconfigured } from '../helpers/llm.js';

const TEXTS = [
  'Putin arrived in Pyongyang on June 19.',
  'Dumating si Putin sa Pyongyang noong Hunyo 19.',
  'Subscribe to our magazine',
];

test('vectors per text, cached by text and model: the second call sends nothing', async () => {
  const { fake, cfg } = await fakeEndpoint('good');
  const { db } = tmpDb();
  const v = await embedTexts(db, cfg, TEXTS);
  assert.ok(v);
  assert.equal(v.length, 3);
  assert.ok(v.every((x) => x.length === 64));
  assert.equal(fake.counts.embeddings, 1, 'one batched request');
  const client = createLlm(db, cfg);
  const again = await embedTexts(db, cfg, [TEXTS[2]!, TEXTS[0]!], { client });
  assert.equal(fake.counts.embeddings, 1);
  assert.equal(client!.stats.cacheHits, 2);
  assert.deepEqual(again![1], v[0]);
  const rows = db
    .prepare("SELECT COUNT(*) AS n FROM llm_cache WHERE kind = 'embedding' AND model = 'fake-embed'")
    .get() as { n: number };
  assert.equal(rows.n, 3);
});

test('extraSimilarity ranks the matching sentence first and stays in [0, 1]', async () => {
  const { cfg } = await fakeEndpoint('good');
  const sim = await embeddingSimilarity(null, cfg, [TEXTS[0]!, 'The weather was fine.'], [TEXTS[2]!, TEXTS[1]!]);
  assert.ok(sim);
  assert.ok(sim(0, 1) > sim(0, 0));
  for (const [i, j] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
    [5, 5],
  ] as const)
    assert.ok(sim(i, j) >= 0 && sim(i, j) <= 1);
  assert.equal(similarityFromVectors([], [])(0, 0), 0);
  // calibrated against the documents' own baseline: a model whose unrelated sentences sit at cosine ~0.7
  const base = Float32Array.from([1, 1, 1, 1]);
  const lean = (k: number): Float32Array => Float32Array.from(base.map((x, d) => x + (d === k ? 1.5 : 0)));
  const cal = similarityFromVectors([lean(0), lean(1), lean(2)], [lean(0), lean(1), lean(2)]);
  assert.ok(Math.abs(cal(1, 1) - 1) < 1e-6);
  assert.ok(cal(0, 1) < 0.1, `unrelated → near 0 (${cal(0, 1)})`);
  assert.ok(cosineSimilarity(lean(0), lean(1)) > 0.6, 'while the raw cosine is high');
  const a = Float32Array.from([1, 2, 3]);
  assert.ok(Math.abs(cosineSimilarity(a, a) - 1) < 1e-6);
  assert.equal(cosineSimilarity(a, Float32Array.from([0, 0, 0])), 0);
});

test('empty vectors from the server are a failure, not data: null, counted, not cached', async () => {
  const { cfg } = await fakeEndpoint('empty-embeddings');
  const { db } = tmpDb();
  const client = createLlm(db, cfg);
  assert.equal(await embedTexts(db, cfg, TEXTS, { client }), null);
  assert.equal(client!.stats.failures['bad-response'], 1);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM llm_cache').get() as { n: number }).n, 0);
});

test('hang and 500: null after the timeout / bounded retries', async () => {
  const { fake } = await fakeEndpoint('hang');
  const cfg = configFor(fake.baseUrl, { timeoutMs: 150 });
  const client = createLlm(null, cfg);
  assert.equal(await embedTexts(null, cfg, TEXTS, { client }), null);
  assert.equal(client!.stats.failures.timeout, 1);
  fake.mode = '500';
  const c2 = createLlm(null, configFor(fake.baseUrl), { backoffMs: 5 }); // a roomy timeout: a loaded machine must not turn 500s into timeouts
  assert.equal(await embedTexts(null, cfg, TEXTS, { client: c2 }), null);
  assert.equal(c2!.stats.requests, 3);
  assert.equal(c2!.stats.failures['server-error'], 1);
});

test('unconfigured: null without a request', async () => {
  assert.equal(await embedTexts(null, unconfigured(), TEXTS), null);
  assert.equal(await embeddingSimilarity(null, unconfigured(), ['a'], ['b']), null);
});
