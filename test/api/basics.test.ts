import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../helpers/server.js';

test('health, documents of the sample corpus, one document with segments, JSON 404', async () => {
  const s = await testServer({ loadSamples: true });
  assert.deepEqual(await (await fetch(`${s.url}/api/health`)).json(), { ok: true });
  const { documents } = (await (await fetch(`${s.url}/api/documents`)).json()) as { documents: { id: number; sentences: number }[] };
  assert.equal(documents.length, 5);
  const one = (await (await fetch(`${s.url}/api/documents/${documents[0]!.id}`)).json()) as { segments: { text: string }[] };
  assert.equal(one.segments.length, documents[0]!.sentences);
  assert.ok(one.segments[0]!.text.length > 0);
  const nf = await fetch(`${s.url}/api/nope`);
  assert.equal(nf.status, 404);
  assert.match(((await nf.json()) as { error: string }).error, /no route/);
  const bad = await fetch(`${s.url}/api/documents/abc`);
  assert.equal(bad.status, 400);
});
