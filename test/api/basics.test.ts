import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../helpers/server.js';
import { authHeader } from '../helpers/auth.js';
import type { Db } from '../../server/db/index.js';

const authedFetch = (db: Db) => {
  const headers = authHeader(db);
  return (url: string): Promise<Response> => globalThis.fetch(url, { headers });
};

test('health, documents of the sample corpus, one document with segments, JSON 404', async () => {
  const s = await testServer({ loadSamples: true });
  const fetch = authedFetch(s.db);
  await s.ready();
  assert.deepEqual(await (await fetch(`${s.url}/api/health`)).json(), { ok: true });
  const { documents } = (await (await fetch(`${s.url}/api/documents`)).json()) as {
    documents: { id: number; sentences: number }[];
  };
  assert.equal(documents.length, 5);
  const one = (await (await fetch(`${s.url}/api/documents/${documents[0]!.id}`)).json()) as {
    segments: { text: string }[];
  };
  assert.equal(one.segments.length, documents[0]!.sentences);
  assert.ok(one.segments[0]!.text.length > 0);
  const nf = await fetch(`${s.url}/api/nope`);
  assert.equal(nf.status, 404);
  assert.match(((await nf.json()) as { error: string }).error, /no route/);
  const bad = await fetch(`${s.url}/api/documents/abc`);
  assert.equal(bad.status, 400);
});

test('a document of the sample corpus carries its stored alignments: audit, role, other version, linked sentences', async () => {
  const s = await testServer({ loadSamples: true });
  const fetch = authedFetch(s.db);
  await s.ready();
  const { documents } = (await (await fetch(`${s.url}/api/documents`)).json()) as {
    documents: { id: number; lang: string }[];
  };
  const tl = documents.find((d) => d.lang === 'tl')!;
  const body = (await (await fetch(`${s.url}/api/documents/${tl.id}`)).json()) as {
    segments: { index: number; text: string }[];
    alignments: {
      auditId: number;
      role: string;
      otherDocumentId: number;
      links: Record<string, { idx: number; text: string }[]>;
    }[];
  };
  assert.ok(body.alignments.length >= 1, 'the Tagalog version is aligned to the pivot');
  const al = body.alignments[0]!;
  assert.equal(al.role, 'translation');
  assert.notEqual(al.otherDocumentId, tl.id);
  const linked = Object.entries(al.links).filter(([, v]) => v.length > 0);
  assert.ok(linked.length >= 2, `some Tagalog sentences are linked (${linked.length})`);
  for (const [, others] of linked) for (const o of others) assert.ok(o.text.length > 0);
  // every sentence appears in the alignment, linked or not
  assert.equal(Object.keys(al.links).length, body.segments.length);
});
