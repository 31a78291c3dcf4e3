import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../helpers/server.js';
import { authHeader } from '../helpers/auth.js';
import { buildSampleAudit, insertFlag } from '../helpers/fixtures.js';
import { createAudit } from '../../server/db/audits.js';
import type { FlagView } from '../../server/db/queue.js';

// Search over the API (issue 19), the semantics the web app's find page relies on (test/e2e/find.test.ts), run on
// both backends (test/api/pg/search.test.ts): a list row matches when its name/title/path contains the text or a
// sentence has every word (the last one as a prefix); a flag when its message/suggestion or flagged sentence does.
// Case and diacritics do not matter; nothing typed is read as an operator.

const s = await testServer();
const sample = buildSampleAudit(s.db);
createAudit(s.db, 'Story 007', [{ document_id: sample.tl, role: 'translation' }], sample.tl);
createAudit(s.db, 'Story 008', [{ document_id: sample.tl, role: 'translation' }], sample.tl);
const accented = insertFlag(s.db, {
  auditId: sample.auditId,
  documentId: sample.tl,
  detector: 'search-probe',
  category: 'style/spin',
  severity: 'minor',
  confidence: 0.5,
  segments: [0],
  message: 'Pílipinas ang tamang baybay',
});
const reader = authHeader(s.db);
await s.ready();

async function get<T>(path: string): Promise<T> {
  const res = await fetch(s.url + path, { headers: reader });
  assert.equal(res.status, 200, path);
  return (await res.json()) as T;
}
const audits = async (q: string): Promise<string[]> =>
  (await get<{ audits: { name: string }[] }>(`/api/audits?q=${encodeURIComponent(q)}`)).audits.map((a) => a.name);
const documents = async (q: string): Promise<string[]> =>
  (await get<{ documents: { lang: string }[] }>(`/api/documents?q=${encodeURIComponent(q)}`)).documents.map(
    (d) => d.lang,
  );
const flags = async (q: string): Promise<FlagView[]> =>
  (await get<{ flags: FlagView[] }>(`/api/flags?status=all&limit=100&q=${encodeURIComponent(q)}`)).flags;

test('audit and document lists: a sentence word, a name, a prefix, every word, no match', async () => {
  const putin = (await audits('')).find((n) => /Putin and Kim/.test(n))!;
  assert.ok(putin, 'the sample audit is listed');
  // a word only the English and spun sentences of the sample story contain
  assert.deepEqual(await audits('Vostochni'), [putin]);
  assert.deepEqual(await audits('vostochni'), [putin], 'case does not matter');
  // the last word is a prefix: "Vostoch" also finds the Tagalog version's "Vostochny", in every story holding it
  assert.deepEqual(await audits('Vostoch'), [putin, 'Story 007', 'Story 008']);
  assert.deepEqual(await audits('Vostochni Spaceport'), [putin], 'every word, in any sentence of the story');
  assert.deepEqual(await audits('Vostochni zzzznothing'), [], 'every word must occur');
  assert.deepEqual(await audits('story 007'), ['Story 007'], 'a name that contains the text');
  assert.deepEqual(await documents('Batiin'), ['tl']);
  assert.deepEqual(await documents('zzzznothing'), []);
});

test('queue: messages and suggestions, flagged sentences, diacritics, operators read as words', async () => {
  const ids = async (q: string): Promise<number[]> => (await flags(q)).map((f) => f.id).sort((a, b) => a - b);
  const spin = sample.flags.slice(0, 3).sort((a, b) => a - b);
  assert.deepEqual(await ids('spinner'), spin, 'the three spin findings say "article-spinner"');
  // a word of a flagged sentence, not of any message: the name-consistency flag sits on it
  const onSentence = await flags('Spaceport');
  assert.ok(onSentence.some((f) => f.detector === 'name-consistency'));
  assert.deepEqual(await ids('zzzznothing'), []);
  assert.deepEqual(await ids('Pilipinas'), [accented], 'diacritics folded: Pilipinas finds Pílipinas');
  assert.deepEqual(await ids('PÍLIPINAS tamang'), [accented]);
  // FTS/tsquery syntax typed by a reviewer is words, never an operator or an error
  for (const q of ['spinner OR zzzz', 'spinner & !x', '"spinner', 'spinner:*', 'NEAR(spinner)', '*', '\\'])
    assert.ok(Array.isArray(await flags(q)), q);
  assert.deepEqual(await ids('spinner OR zzzz'), [], 'OR is a word that must occur');
});
