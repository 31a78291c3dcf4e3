import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Express } from 'express';
import { testServer } from '../helpers/server.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';
import { createApp } from '../../server/api/app.js';
import { hashToken, reviewerByToken } from '../../server/db/reviewers.js';
import { loadConfig } from '../../server/config.js';
import { rawRequest } from './http.js';
import { appRoutes } from '../helpers/routes.js';

// Access: every state-changing route (found by walking the real router, so a new route is covered
// without editing this file) refuses anonymous requests with 401; admin routes refuse reviewers with 403.

const stateChanging = (app: Express): { method: string; path: string }[] =>
  appRoutes(app).filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
const concrete = (path: string, id: number): string => path.replace(/:[a-zA-Z]+/g, String(id));

const ADMIN_ONLY = ['POST /api/reviewers', 'DELETE /api/audits/:id', 'POST /api/batches'];

test('every non-GET route answers 401 without a token and with a wrong one, and changes nothing', async () => {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  const list = stateChanging(createApp({ db: s.db, config: loadConfig({}, '/nonexistent') }));
  const names = list.map((r) => `${r.method} ${r.path}`);
  for (const must of ['POST /api/flags/:id/verdicts', ...ADMIN_ONLY])
    assert.ok(names.includes(must), `router walk found ${must} (got ${names.join(', ')})`);
  const before = s.db
    .prepare(
      'SELECT (SELECT COUNT(*) FROM verdicts) + (SELECT COUNT(*) FROM reviewers) + (SELECT COUNT(*) FROM audits) AS n',
    )
    .get();
  for (const r of list) {
    for (const auth of [undefined, 'Bearer tpt_not-a-token', `Bearer ${hashToken('x')}`, 'Basic YWRtaW46YWRtaW4=']) {
      const res = await rawRequest(s.url, r.method, concrete(r.path, sample.auditId), {
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ action: 'approve', version: 1, name: 'mallory', role: 'admin' }),
      });
      assert.equal(res.status, 401, `${r.method} ${r.path} with ${auth ?? 'no token'} → ${res.status} ${res.body}`);
      assert.ok(res.headers['www-authenticate'], 'says how to authenticate');
    }
  }
  const after = s.db
    .prepare(
      'SELECT (SELECT COUNT(*) FROM verdicts) + (SELECT COUNT(*) FROM reviewers) + (SELECT COUNT(*) FROM audits) AS n',
    )
    .get();
  assert.deepEqual(after, before);
});

test('admin-only routes: a reviewer gets 403 and nothing changes; an admin succeeds', async () => {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  const plain = reviewer(s.db, 'plain');
  const admin = reviewer(s.db, 'boss', 'admin');
  const as = (tok: string, extra: Record<string, string> = {}): Record<string, string> => ({
    authorization: `Bearer ${tok}`,
    ...extra,
  });
  const json = { 'content-type': 'application/json' };
  const jsonl = { 'content-type': 'application/x-ndjson' };
  const batch = [
    { title: 'Balita', text: 'Sinabi ng Pangulo noong Lunes na magpapatuloy ang usapan sa Maynila.' },
    { title: 'News', text: 'The President said on Monday that the talks in Manila would resume.' },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');

  const reviewersBefore = (s.db.prepare('SELECT COUNT(*) AS n FROM reviewers').get() as { n: number }).n;
  assert.equal(
    (
      await rawRequest(s.url, 'POST', '/api/reviewers', {
        headers: as(plain.token, json),
        body: JSON.stringify({ name: 'eve', role: 'admin' }),
      })
    ).status,
    403,
  );
  assert.equal(
    (await rawRequest(s.url, 'DELETE', `/api/audits/${sample.auditId}`, { headers: as(plain.token) })).status,
    403,
  );
  assert.equal(
    (await rawRequest(s.url, 'POST', '/api/batches', { headers: as(plain.token, jsonl), body: batch })).status,
    403,
  );
  assert.equal((s.db.prepare('SELECT COUNT(*) AS n FROM reviewers').get() as { n: number }).n, reviewersBefore);
  assert.ok(s.db.prepare('SELECT 1 FROM audits WHERE id = ?').get(sample.auditId), 'audit kept');

  const added = await rawRequest(s.url, 'POST', '/api/reviewers', {
    headers: as(admin.token, json),
    body: JSON.stringify({ name: 'ana' }),
  });
  assert.equal(added.status, 201, added.body);
  const { token, reviewer: r } = JSON.parse(added.body) as { token: string; reviewer: { name: string; role: string } };
  assert.deepEqual([r.name, r.role], ['ana', 'reviewer']);
  assert.equal(reviewerByToken(s.db, token)?.name, 'ana', 'the returned token signs in');
  assert.equal(
    (
      await rawRequest(s.url, 'POST', '/api/reviewers', {
        headers: as(admin.token, json),
        body: JSON.stringify({ name: 'ana' }),
      })
    ).status,
    409,
  );
  assert.equal(
    (
      await rawRequest(s.url, 'POST', '/api/reviewers', {
        headers: as(admin.token, json),
        body: JSON.stringify({ name: "x'; DROP TABLE reviewers;--" }),
      })
    ).status,
    400,
  );

  const ran = await rawRequest(s.url, 'POST', '/api/batches', { headers: as(admin.token, jsonl), body: batch });
  assert.equal(ran.status, 201, ran.body);
  assert.equal((JSON.parse(ran.body) as { documents: number }).documents, 2);

  const del = await rawRequest(s.url, 'DELETE', `/api/audits/${sample.auditId}`, { headers: as(admin.token) });
  assert.equal(del.status, 204, del.body);
  assert.equal(s.db.prepare('SELECT 1 FROM audits WHERE id = ?').get(sample.auditId), undefined);
  assert.equal(
    (s.db.prepare('SELECT COUNT(*) AS n FROM flags WHERE audit_id = ?').get(sample.auditId) as { n: number }).n,
    0,
    'its flags went with it',
  );
  assert.equal(
    (await rawRequest(s.url, 'DELETE', `/api/audits/${sample.auditId}`, { headers: as(admin.token) })).status,
    404,
  );
  assert.equal((s.db.pragma('foreign_key_check') as unknown[]).length, 0);
});

test('tokens: only a SHA-256 hash is stored; near-miss, empty and huge tokens are refused', async () => {
  const s = await testServer();
  const { token } = reviewer(s.db, 'hashy');
  const rows = s.db.prepare('SELECT token_hash FROM reviewers').all() as { token_hash: string }[];
  assert.ok(rows.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash)));
  assert.ok(rows.some((row) => row.token_hash === hashToken(token)));
  const dump = JSON.stringify(s.db.prepare('SELECT * FROM reviewers').all());
  assert.ok(!dump.includes(token.slice(4)), 'the token itself is nowhere in the table');
  assert.equal(reviewerByToken(s.db, token)?.name, 'hashy');
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  for (const bad of [
    token.slice(0, -1) + last,
    token.slice(0, -1),
    `${token}x`,
    '',
    'x'.repeat(100_000),
    hashToken(token),
    token.toUpperCase(),
  ]) {
    assert.equal(reviewerByToken(s.db, bad), undefined, `refused: ${bad.slice(0, 20)}…`);
  }
  const res = await rawRequest(s.url, 'GET', '/api/me', { headers: { authorization: `Bearer ${'x'.repeat(8000)}` } });
  assert.equal(res.status, 401);
});
