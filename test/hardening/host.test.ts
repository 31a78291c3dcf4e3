import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../server/config.js';
import { startServer } from '../../server/serve.js';
import { tmpDir } from '../helpers/tmp.js';
import { reviewer } from '../helpers/fixtures.js';
import { rawRequest } from './http.js';

// DNS rebinding (issue 22): a page on evil.example that points its own name at 127.0.0.1 reaches the server
// with `Host: evil.example`. Only the server's own names and addresses are served — on the API (reads with a
// stolen-by-nobody token included), health and the client alike — also when bound to every interface.

async function server(host: string, allowedHosts: string[] = []) {
  const s = await startServer({
    dbFile: join(tmpDir(), 'host.db'),
    port: 0,
    host,
    config: configSchema().parse({ server: { allowedHosts } }),
    loadSamples: false,
    log: () => {},
  });
  after(() => s.close());
  const port = new URL(s.url).port;
  const token = reviewer(s.db, 'ana').token;
  const get = (path: string, hostHeader: string) =>
    rawRequest(`http://127.0.0.1:${port}`, 'GET', path, {
      headers: { host: hostHeader, authorization: `Bearer ${token}` },
    });
  return { port, get };
}

const FOREIGN = [
  'evil.example',
  'evil.example:PORT',
  'localhost.evil.example',
  '127.0.0.1.nip.io:PORT',
  'attacker',
  'a b',
  'x@127.0.0.1',
];

test('bound to 127.0.0.1: foreign Host names get 403 everywhere; loopback names and addresses are served', async () => {
  const { port, get } = await server('127.0.0.1');
  for (const h of FOREIGN.map((x) => x.replace('PORT', port))) {
    for (const path of ['/api/audits', '/api/health', '/']) {
      const r = await get(path, h);
      assert.equal(r.status, 403, `Host "${h}" ${path} → ${r.status}`);
      assert.match(r.body, /is not a name of this server; add it to server\.allowedHosts/);
    }
  }
  for (const h of [
    'localhost',
    `localhost:${port}`,
    `127.0.0.1:${port}`,
    `[::1]:${port}`,
    `LOCALHOST:${port}`,
    'localhost.',
  ]) {
    assert.equal((await get('/api/audits', h)).status, 200, `Host "${h}"`);
  }
});

test('bound to 0.0.0.0: still no foreign names; this machine and configured names are served', async () => {
  const { port, get } = await server('0.0.0.0', ['review.lan']);
  for (const h of FOREIGN.map((x) => x.replace('PORT', port)))
    assert.equal((await get('/api/audits', h)).status, 403, `Host "${h}"`);
  for (const h of [
    `localhost:${port}`,
    `127.0.0.1:${port}`,
    `${hostname()}:${port}`,
    `review.lan:${port}`,
    'REVIEW.LAN',
  ]) {
    assert.equal((await get('/api/audits', h)).status, 200, `Host "${h}"`);
  }
});

test('a configured name is served when bound to loopback too; a name not configured is not', async () => {
  const { port, get } = await server('127.0.0.1', ['tapat.internal']);
  assert.equal((await get('/api/health', `tapat.internal:${port}`)).status, 200);
  assert.equal((await get('/api/health', `other.internal:${port}`)).status, 403);
  assert.throws(() => configSchema().parse({ server: { allowedHosts: ['evil/x'] } }), /host name/);
});
