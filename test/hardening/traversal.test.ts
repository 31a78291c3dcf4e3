import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testServer } from '../helpers/server.js';
import { REPO } from '../helpers/paths.js';
import { rawRequest } from './http.js';
import { authHeader } from '../helpers/auth.js';

// Path traversal: encoded and raw "..", backslashes, double encoding and absolute paths, against the
// static client and every API route with a path parameter. Nothing outside client/dist is ever served.
const TRAVERSALS = [
  '/package.json', // outside client/dist even without traversal
  '/server/cli.ts',
  '/../package.json',
  '/..%2fpackage.json',
  '/..%2f..%2fetc/passwd',
  '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  '/%2e%2e/%2e%2e/package.json',
  '/%2e%2e%2f%2e%2e%2fpackage.json',
  '/%252e%252e%252fpackage.json',
  '/..%5c..%5cpackage.json',
  '/..\\..\\package.json',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
  '//etc/passwd',
  '/index.html/../../package.json',
  '/assets/..%2f..%2f..%2fserver%2fcli.ts',
  '/%00../package.json',
  '/.%2e/.%2e/migrations/0001_init.sql',
];
const SECRETS = [
  readFileSync(join(REPO, 'package.json'), 'utf8').slice(0, 60),
  'root:x:0:0',
  'CREATE TABLE documents',
  'registerCommands',
];

test('static serving never leaves client/dist, whatever the encoding', async () => {
  const srv = await testServer();
  const index = await rawRequest(srv.url, 'GET', '/');
  assert.equal(index.status, 200, 'the client itself is served');
  for (const path of TRAVERSALS) {
    const r = await rawRequest(srv.url, 'GET', path);
    assert.ok(
      [400, 403, 404].includes(r.status) || (r.status === 200 && r.body === index.body),
      `${path} → ${r.status}`,
    );
    for (const s of SECRETS) assert.ok(!r.body.includes(s), `${path} leaked ${s.slice(0, 20)}`);
  }
});

test('API path parameters: traversal and hostile ids are refused (400/404), never a 500 or a file', async () => {
  const srv = await testServer({ loadSamples: true });
  const headers = authHeader(srv.db);
  const ids = [
    '..%2f..%2fetc%2fpasswd',
    '..',
    '%2e%2e',
    '1%20OR%201%3D1',
    "1'%3B%20DROP%20TABLE%20documents%3B--",
    '0',
    '-1',
    '1e3',
    '9'.repeat(400),
    '%00',
    '1.5',
  ];
  for (const base of PARAM_ROUTES) {
    for (const id of ids) {
      const r = await rawRequest(srv.url, 'GET', `${base}/${id}`, { headers });
      assert.ok([400, 404].includes(r.status), `${base}/${id} → ${r.status} ${r.body.slice(0, 100)}`);
      for (const s of SECRETS) assert.ok(!r.body.includes(s));
    }
  }
  const docs = await rawRequest(srv.url, 'GET', '/api/documents', { headers });
  assert.ok((JSON.parse(docs.body) as { documents: unknown[] }).documents.length > 0, 'tables intact');
});

// Every API route that takes an id in its path (GET); kept in step with server/api.
const PARAM_ROUTES = ['/api/documents', '/api/audits', '/api/flags'];
