import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../helpers/server.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';

// The review's writes under concurrency, on both backends (test/api/pg/write-races.test.ts): requests that race
// on one flag store one verdict, a bulk decision is whole, and two undos never undo one verdict twice. SQLite
// runs the transactions one at a time; PostgreSQL runs them concurrently (compare-and-set on the version, and
// SERIALIZABLE transactions), and must give the same outcome.

const s = await testServer();
const sample = buildSampleAudit(s.db);
const crew = Array.from({ length: 8 }, (_, i) => reviewer(s.db, `racer${i}`));
await s.ready();

async function post(path: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(s.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

test('eight reviewers decide one flag at once: one verdict stored, seven 409s', async () => {
  const flagId = sample.flags[3]!;
  const answers = await Promise.all(
    crew.map((r, i) =>
      post(`/api/flags/${flagId}/verdicts`, r.token, { action: i % 2 ? 'reject' : 'approve', version: 1 }),
    ),
  );
  assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
  const stored = await s.query<{ n: number }>('SELECT COUNT(*) AS n FROM verdicts WHERE flag_id = ?', [flagId]);
  assert.equal(Number(stored[0]!.n), 1);
  const v = await s.query<{ version: number }>('SELECT version FROM flags WHERE id = ?', [flagId]);
  assert.equal(v[0]!.version, 2, 'the version moved once');
});

test('bulk decisions that race decide each pending flag once; undos that race undo distinct decisions', async () => {
  const [a, b] = crew;
  const spin = sample.flags[0]!;
  const bulk = await Promise.all(
    [a!, b!].map((r) =>
      post('/api/verdicts/bulk', r.token, { flag: spin, match: 'detector', scope: 'audit', action: 'approve' }),
    ),
  );
  assert.deepEqual(
    bulk.map((x) => x.status),
    [201, 201],
  );
  const decided = bulk.flatMap((x) => (x.body as { flags: number[] }).flags).sort((p, q) => p - q);
  assert.deepEqual(
    decided,
    sample.flags.slice(0, 3).sort((p, q) => p - q),
    'every spin flag once, by one of them',
  );
  const perFlag = await s.query<{ flag_id: number; n: number }>(
    `SELECT flag_id, COUNT(*) AS n FROM verdicts WHERE flag_id IN (?, ?, ?) GROUP BY flag_id`,
    sample.flags.slice(0, 3),
  );
  assert.deepEqual(
    perFlag.map((r) => Number(r.n)),
    [1, 1, 1],
  );
  // the reviewer who decided also decides one more flag alone; then two undos at once take back both, once each
  const winner = (bulk[0]!.body as { flags: number[] }).flags.length ? a! : b!;
  assert.equal(
    (await post(`/api/flags/${sample.flags[4]!}/verdicts`, winner.token, { action: 'approve', version: 1 })).status,
    201,
  );
  const undos = await Promise.all([0, 1].map(() => post('/api/verdicts/undo-last', winner.token, {})));
  assert.deepEqual(
    undos.map((u) => u.status),
    [200, 200],
  );
  const undone = await s.query<{ undoes: number }>(`SELECT undoes FROM verdicts WHERE action = 'undo'`);
  const targets = undone.map((u) => u.undoes);
  assert.equal(new Set(targets).size, targets.length, 'no verdict undone twice');
  assert.equal(targets.length, 4, 'the single verdict and the three of the bulk decision');
});
