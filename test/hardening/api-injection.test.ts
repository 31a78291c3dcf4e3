import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../helpers/server.js';
import { buildSampleAudit, insertFlag, reviewer } from '../helpers/fixtures.js';
import { rawRequest } from './http.js';
import { authHeader } from '../helpers/auth.js';

// SQL only through parameters: hostile strings in every API query parameter and in bodies leave the
// schema intact, and a value that looks like SQL matches itself and nothing else.
const HOSTILE = [
  "x'; DROP TABLE flags;--",
  "' OR '1'='1",
  '" OR ""="',
  '%',
  '_',
  '\\',
  '\u0000',
  `${"'".repeat(500)}`,
  '1); DELETE FROM verdicts; --',
];

test('hostile query parameters: 200 with exactly the matching rows, or 400; tables intact', async () => {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  const headers = authHeader(s.db);
  const schema = s.db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all();
  const evil = HOSTILE[0]!;
  const evilFlag = insertFlag(s.db, {
    auditId: sample.auditId,
    documentId: sample.en,
    detector: evil,
    category: 'accuracy/omission',
    severity: 'major',
    confidence: 0.7,
    segments: [0],
    message: 'evil detector',
  });
  const total = s.db.prepare("SELECT COUNT(*) FROM flags WHERE status = 'active'").pluck().get() as number;
  const q = async (params: Record<string, string>): Promise<{ status: number; ids: number[] }> => {
    const r = await rawRequest(s.url, 'GET', `/api/flags?${new URLSearchParams(params)}`, { headers });
    assert.ok([200, 400].includes(r.status), `${JSON.stringify(params)} → ${r.status} ${r.body.slice(0, 200)}`);
    const body = JSON.parse(r.body) as { flags?: { id: number }[] };
    return { status: r.status, ids: (body.flags ?? []).map((f) => f.id) };
  };
  assert.deepEqual(
    (await q({ detector: evil, limit: '500' })).ids,
    [evilFlag],
    'the SQL-looking detector matches itself only',
  );
  for (const h of HOSTILE) {
    for (const key of [
      'detector',
      'category',
      'severity',
      'status',
      'audit',
      'document',
      'min_confidence',
      'after',
      'limit',
    ]) {
      const r = await q({ [key]: h });
      if (r.status === 200 && key === 'detector' && h !== evil)
        assert.deepEqual(r.ids, [], `${key}=${h}: nothing matches`);
      if (r.status === 200 && key === 'category') assert.deepEqual(r.ids, []);
    }
    for (const path of [
      `/api/audits?${new URLSearchParams({ q: h })}`,
      `/api/documents?${new URLSearchParams({ id: h })}`,
      `/api/stats?${new URLSearchParams({ detector: h })}`,
    ]) {
      const r = await rawRequest(s.url, 'GET', path, { headers });
      assert.ok(r.status < 500, `${path} → ${r.status}`);
    }
  }
  const me = reviewer(s.db, 'inj');
  for (const h of HOSTILE) {
    const r = await rawRequest(s.url, 'POST', `/api/flags/${sample.flags[0]}/verdicts`, {
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: h, version: h }),
    });
    assert.equal(r.status, 400, r.body);
  }
  assert.deepEqual(
    s.db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all(),
    schema,
    'schema unchanged',
  );
  assert.equal(s.db.prepare("SELECT COUNT(*) FROM flags WHERE status = 'active'").pluck().get(), total);
  assert.equal(s.db.prepare('SELECT COUNT(*) FROM verdicts').pluck().get(), 0);
});

test('a correction text full of SQL is stored verbatim', async () => {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  const me = reviewer(s.db, 'inj2');
  const text = `${HOSTILE.join(' ')} end`;
  const r = await rawRequest(s.url, 'POST', `/api/flags/${sample.flags[0]}/verdicts`, {
    headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'correct', version: 1, text }),
  });
  assert.equal(r.status, 201, r.body);
  assert.equal(s.db.prepare('SELECT text FROM verdicts').pluck().get(), text.trim());
});
