import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Express } from 'express';
import { testServer } from '../helpers/server.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';
import { createApp } from '../../server/api/app.js';
import { loadConfig } from '../../server/config.js';
import { setClock } from '../../server/clock.js';
import { listReviewers, revokeReviewer, rotateToken } from '../../server/db/reviewers.js';
import { rawRequest } from './http.js';
import { appRoutes } from '../helpers/routes.js';

// Reads need a token (issue 22): every GET under /api — found by walking the real router, so a new route is
// covered without editing this file — answers 401 without a valid token; /api/health and the client stay open.
// Tokens expire after config.server.tokenLifetimeDays, and can be revoked and rotated.

const reads = (app: Express): string[] =>
  appRoutes(app)
    .filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && r.path !== '/api/health')
    .map((r) => r.path);

test('every GET under /api answers 401 without a valid token and 2xx/4xx-but-not-401 with one; health and the client stay open', async () => {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  const ana = reviewer(s.db, 'ana');
  const paths = reads(createApp({ db: s.db, config: loadConfig({}, '/nonexistent') }));
  for (const must of [
    '/api/audits',
    '/api/audits/:id',
    '/api/flags',
    '/api/flags/:id',
    '/api/documents',
    '/api/documents/:id',
    '/api/audits/:id/export',
    '/api/stats',
  ]) {
    assert.ok(paths.includes(must), `router walk found ${must} (got ${paths.join(', ')})`);
  }
  const concrete = (p: string): string => {
    const id = p.startsWith('/api/documents')
      ? sample.en
      : p.startsWith('/api/flags')
        ? sample.flags[0]!
        : sample.auditId;
    const query = p.endsWith('/export') ? '?format=txt' : p === '/api/verdicts/bulk' ? `?flag=${sample.flags[0]}` : '';
    return p.replace(/:[a-zA-Z]+/g, String(id)) + query;
  };
  for (const p of paths) {
    const path = concrete(p);
    for (const auth of [undefined, 'Bearer tpt_not-a-token', 'Basic YWRtaW46YWRtaW4=', `Bearer ${ana.token}x`]) {
      const r = await rawRequest(s.url, 'GET', path, { headers: auth ? { authorization: auth } : {} });
      assert.equal(r.status, 401, `GET ${path} with ${auth ?? 'no token'} → ${r.status}`);
      assert.ok(r.headers['www-authenticate'], 'says how to authenticate');
      assert.doesNotMatch(r.body, /ana|Pangulo|President/, 'nothing of the data in the refusal');
    }
    const ok = await rawRequest(s.url, 'GET', path, { headers: { authorization: `Bearer ${ana.token}` } });
    assert.equal(ok.status, 200, `GET ${path} with a token → ${ok.status} ${ok.body.slice(0, 200)}`);
  }
  // the verdict history (names, corrections) is a read like any other
  assert.equal((await rawRequest(s.url, 'GET', `/api/flags/${sample.flags[0]}`)).status, 401);
  assert.equal((await rawRequest(s.url, 'GET', '/api/health')).status, 200);
  const index = await rawRequest(s.url, 'GET', '/');
  assert.equal(index.status, 200);
  assert.match(index.body, /<script/);
  const script = /src="([^"]+\.js)"/.exec(index.body)?.[1];
  assert.ok(script, 'the page loads a script');
  assert.equal(
    (await rawRequest(s.url, 'GET', script.startsWith('/') ? script : `/${script}`)).status,
    200,
    'static assets need no token',
  );
});

test('tokens expire after server.tokenLifetimeDays with a clear 401; rotate gives a new one; revoke ends one', async () => {
  const s = await testServer();
  const t0 = '2026-01-01T00:00:00.000Z';
  setClock(t0);
  after(() => setClock(null));
  const ana = reviewer(s.db, 'ana');
  const ben = reviewer(s.db, 'ben');
  const me = (token: string) => rawRequest(s.url, 'GET', '/api/me', { headers: { authorization: `Bearer ${token}` } });
  assert.equal((await me(ana.token)).status, 200);
  setClock('2026-03-31T23:59:59.000Z'); // 89 days later: still valid (default lifetime 90 days)
  assert.equal((await me(ana.token)).status, 200);
  setClock('2026-04-01T00:00:01.000Z'); // 90 days and a second
  const expired = await me(ana.token);
  assert.equal(expired.status, 401);
  assert.match(
    JSON.parse(expired.body).error,
    /token of reviewer "ana" expired at 2026-04-01T00:00:00.000Z; ask an admin for a new one \(tapat reviewer rotate "ana"\)/,
  );
  assert.match(String(expired.headers['www-authenticate']), /invalid_token/);
  assert.equal(
    (await rawRequest(s.url, 'GET', '/api/audits', { headers: { authorization: `Bearer ${ana.token}` } })).status,
    401,
    'reads refuse it too',
  );
  assert.deepEqual(
    listReviewers(s.db)
      .filter((r) => r.name !== 'local')
      .map((r) => [r.name, r.status]),
    [
      ['ana', 'expired'],
      ['ben', 'expired'],
    ],
  );

  const rotated = rotateToken(s.db, 'ana')!;
  assert.equal((await me(rotated.token)).status, 200, 'the rotated token works');
  assert.equal((await me(ana.token)).status, 401, 'the old one does not');

  setClock('2026-04-02T00:00:00.000Z');
  assert.equal(revokeReviewer(s.db, 'ana'), true);
  const revoked = await me(rotated.token);
  assert.equal(revoked.status, 401);
  assert.match(JSON.parse(revoked.body).error, /token of reviewer "ana" was revoked/);
  assert.equal(revokeReviewer(s.db, 'nobody'), false);
  assert.equal((await me(ben.token)).status, 401, 'ben expired, untouched by ana');
});
