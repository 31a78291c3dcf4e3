import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { openDb } from '../../server/db/index.js';
import { countReviewers } from '../../server/db/reviewers.js';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/serve.js';
import { tmpDir } from '../helpers/tmp.js';

async function start(dbFile: string): Promise<{ lines: string[]; url: string; close: () => Promise<void> }> {
  const lines: string[] = [];
  const r = await startServer({
    dbFile,
    port: 0,
    host: '127.0.0.1',
    config: loadConfig({}, '/nonexistent'),
    loadSamples: false,
    log: (l) => lines.push(l),
  });
  return { lines, url: r.url, close: r.close };
}

test('a fresh database prints a sign-in link whose token works; the next start prints none', async () => {
  const dbFile = join(tmpDir(), 'signin.db');
  const first = await start(dbFile);
  const m = /(http:\/\/127\.0\.0\.1:\d+)\/#token=(tpt_[\w-]+)/.exec(first.lines.join('\n'));
  assert.ok(m, first.lines.join('\n'));
  assert.equal(m[1], first.url);
  const me = await fetch(`${first.url}/api/me`, { headers: { authorization: `Bearer ${m[2]}` } });
  assert.deepEqual(((await me.json()) as { reviewer: { name: string; role: string } }).reviewer, {
    id: 1,
    name: 'local',
    role: 'admin',
  });
  await first.close();
  const second = await start(dbFile);
  assert.doesNotMatch(second.lines.join('\n'), /token=/);
  await second.close();
});

test('a first start that cannot listen creates no admin; the next start that listens prints the link', async () => {
  const dbFile = join(tmpDir(), 'busy-port.db');
  const blocker = createServer().listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  const port = (blocker.address() as AddressInfo).port;
  const lines: string[] = [];
  await assert.rejects(
    startServer({
      dbFile,
      port,
      host: '127.0.0.1',
      config: loadConfig({}, '/nonexistent'),
      loadSamples: false,
      log: (l) => lines.push(l),
    }),
    /EADDRINUSE/,
  );
  blocker.close();
  const db = openDb(dbFile);
  assert.equal(countReviewers(db), 0, 'no admin whose token nobody saw');
  db.close();
  assert.doesNotMatch(lines.join('\n'), /token=/);
  const second = await start(dbFile);
  assert.match(second.lines.join('\n'), /#token=tpt_/);
  await second.close();
});
