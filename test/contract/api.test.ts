import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testServer } from '../helpers/server.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';
import { appRoutes } from '../helpers/routes.js';
import { checkResponses } from '../helpers/contract-check.js';
import { createApp } from '../../server/api/app.js';
import { loadConfig } from '../../server/config.js';
import { AuditView, FlagDetail, ROUTES, type Route } from '../../contract/index.js';

// The HTTP half of the contract: its route table is the server's route list, every route answers what the table
// says on real data (each answer parsed by the check test/helpers/server.ts installs on every test server, so the
// other API and browser tests are checked the same way), and the check fails on an answer off the contract.

const key = (r: { method: string; path: string }): string => `${r.method} ${r.path}`;

test('the contract lists exactly the routes the server has', async () => {
  const s = await testServer();
  const served = appRoutes(createApp({ db: s.db, config: loadConfig({}, '/nonexistent') }))
    .filter((r) => r.path.startsWith('/api/'))
    .map(key)
    .sort();
  assert.ok(served.length >= 20, `router walk found ${served.length} routes`);
  assert.deepEqual([...ROUTES].map(key).sort(), served);
});

test('every route of the contract answers on real data, and each answer parses with its schema', async () => {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  const admin = reviewer(s.db, 'contract-admin', 'admin');
  reviewer(s.db, 'contract-reader');
  const call = async (method: string, path: string, body?: unknown, type = 'application/json'): Promise<Response> => {
    const headers: Record<string, string> = { authorization: `Bearer ${admin.token}` };
    if (body !== undefined) headers['content-type'] = type;
    const res = await fetch(s.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res;
  };
  const [flag, second] = sample.flags;
  const expect = async (status: number, method: string, path: string, body?: unknown, type?: string): Promise<void> => {
    const res = await call(method, path, body, type);
    assert.equal(res.status, status, `${method} ${path}`);
  };
  await expect(200, 'GET', '/api/health');
  await expect(200, 'GET', '/api/me');
  await expect(200, 'GET', '/api/audits?sort=flags&order=desc&limit=5');
  await expect(200, 'GET', `/api/audits/${sample.auditId}`);
  await expect(200, 'GET', `/api/audits/${sample.auditId}/export?format=jsonl`);
  await expect(200, 'POST', `/api/audits/${sample.auditId}/roles`, { roles: { [sample.en]: 'source' }, apply: false });
  await expect(200, 'POST', `/api/audits/${sample.auditId}/assignee`, { reviewer: 'contract-reader' });
  await expect(200, 'GET', '/api/documents');
  await expect(200, 'GET', `/api/documents/${sample.tl}`);
  await expect(200, 'GET', '/api/flags?status=all&limit=2');
  await expect(200, 'GET', `/api/flags/${flag}`);
  await expect(201, 'POST', `/api/flags/${flag}/verdicts`, { action: 'correct', version: 1, text: 'tama' });
  await expect(409, 'POST', `/api/flags/${flag}/verdicts`, { action: 'approve', version: 1 });
  await expect(200, 'GET', `/api/verdicts/bulk?flag=${second}`);
  await expect(201, 'POST', '/api/verdicts/bulk', { flag: second, match: 'detector', action: 'reject' });
  await expect(200, 'POST', '/api/verdicts/undo-last');
  await expect(200, 'GET', '/api/stats?severity=major,critical');
  await expect(200, 'GET', '/api/progress');
  await expect(201, 'POST', '/api/reviewers', { name: 'contract-new' });
  await expect(200, 'GET', '/api/batches/latest');
  const records = [
    '{"url":"https://example.org/a","title":"Isa","text":"Dumating ang pangulo sa Maynila noong Lunes. Nagsalita siya sa mga mamamahayag."}',
    '{"url":"https://example.org/b","title":"One","text":"The president arrived in Manila on Monday. He spoke to reporters."}',
  ];
  await expect(201, 'POST', '/api/batches', records.join('\n') + '\n', 'application/x-ndjson');
  await expect(200, 'GET', '/api/batches/latest');
  await expect(204, 'DELETE', `/api/audits/${sample.auditId}`);
  await expect(404, 'GET', `/api/audits/${sample.auditId}`);
  await expect(400, 'GET', '/api/flags?status=nonsense');

  // every route with a JSON answer had one checked with its schema (a file and a 204 have no JSON to check)
  const seen = new Set([...s.contract.checked.keys()].map((k) => k.replace(/ \d+$/, '')));
  const json = (r: Route): boolean => Object.values(r.responses).some((v) => v !== null);
  for (const r of ROUTES.filter(json))
    assert.ok(seen.has(key(r)), `an answer of ${key(r)} was checked (${[...seen].join(', ')})`);
  assert.ok(s.contract.checked.has('POST /api/flags/:id/verdicts 409'), 'the 409 with the current flag was checked');
  assert.deepEqual(s.contract.violations, []);
});

test('the schemas refuse an answer that drifts from the contract (a field added, dropped or of the wrong type)', async () => {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  const { token } = reviewer(s.db, 'drift');
  const get = async (path: string): Promise<unknown> =>
    (await fetch(s.url + path, { headers: { authorization: `Bearer ${token}` } })).json();
  const detail = (await get(`/api/flags/${sample.flags[0]}`)) as { flag: Record<string, unknown>; history: unknown[] };
  assert.equal(FlagDetail.safeParse(detail).success, true);
  const { message: _message, ...dropped } = detail.flag;
  assert.equal(FlagDetail.safeParse({ ...detail, flag: dropped }).success, false, 'a dropped field');
  assert.equal(
    FlagDetail.safeParse({ ...detail, flag: { ...detail.flag, extra: 1 } }).success,
    false,
    'an added field',
  );
  assert.equal(
    FlagDetail.safeParse({ ...detail, flag: { ...detail.flag, severity: 'huge' } }).success,
    false,
    'a wrong value',
  );
  const view = (await get(`/api/audits/${sample.auditId}`)) as { rows: unknown[]; flags: unknown[] };
  assert.ok(view.rows.length > 5 && view.flags.length > 0, 'the audit view has rows and flags to check');
  assert.equal(AuditView.safeParse(view).success, true);
  assert.equal(AuditView.safeParse({ ...view, rows: [{ pivot: 'x', cells: {} }] }).success, false);
});

test('the response check records an answer off the contract', async () => {
  // a server that answers /api/health with the wrong shape: the check must say so, not pass it
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ ok: 'yes' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const check = checkResponses(server);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await (await fetch(`${url}/api/health`)).text();
    await (await fetch(`${url}/api/no-such-route`)).text();
    assert.equal(check.violations.length, 2, check.violations.join('; '));
    assert.match(check.violations[0]!, /^GET \/api\/health 200: ok:/);
  } finally {
    server.close();
  }
});
