import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../server/db/index.js';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/serve.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { serveProcess } from '../../testkit/serve-process.js';

// issue 22: `tapat restore --force` under a running server exited 0, the server went on writing to the
// deleted file and the next verdicts got 201 and were lost. Now restore refuses while any process holds the
// database, and a server whose file is replaced anyway (mv, cp) refuses writes with 503 and one log line.

function seeded(file: string): { flag: number; token: string } {
  const db = openDb(file);
  const sample = buildSampleAudit(db);
  const token = reviewer(db, 'ana').token;
  db.close();
  return { flag: sample.flags[0]!, token };
}
const countVerdicts = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM verdicts').pluck().get() as number;
  } finally {
    db.close();
  }
};
const post = (url: string, flag: number, token: string, version: number) =>
  fetch(`${url}/api/flags/${flag}/verdicts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', version }),
  });

test('restore --force refuses while tapat serve holds the database, with one line; after the server stops it restores', async () => {
  const dir = tmpDir();
  const db = join(dir, 'live.db');
  const { flag, token } = seeded(db);
  const backup = join(dir, 'before.db');
  const srv = await serveProcess(db);
  let stopped = false;
  after(() => {
    if (!stopped) srv.cp.kill('SIGKILL');
  });
  assert.equal(runCli(['backup', '--db', db, '--out', backup]).code, 0);
  assert.equal((await post(srv.url, flag, token, 1)).status, 201);
  const inode = statSync(db).ino;
  const r = runCli(['restore', backup, '--db', db, '--force']);
  assert.equal(r.code, 2, r.stderr);
  assert.deepEqual(r.stderr.trim().split('\n'), [
    `tapat: ${db} is open in another process (a running tapat serve or batch?); stop it, then restore — nothing was changed`,
  ]);
  assert.equal(statSync(db).ino, inode, 'the file was not replaced');
  const next = await post(srv.url, flag, token, 2);
  assert.equal(next.status, 201, 'the server goes on, its verdicts land in the file');
  srv.cp.kill('SIGTERM');
  await srv.exited;
  stopped = true;
  assert.equal(countVerdicts(db), 2, 'both acknowledged verdicts are in the file');
  const ok = runCli(['restore', backup, '--db', db, '--force']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(countVerdicts(db), 0, 'restored to the backup');
});

test('a server whose database file is replaced under it answers writes with 503, logs one line, stores nothing in either file', async () => {
  const dir = tmpDir();
  const file = join(dir, 'server.db');
  const { flag, token } = seeded(file);
  const other = join(dir, 'other.db');
  seeded(other);
  const ops: string[] = [];
  const s = await startServer({
    dbFile: file,
    port: 0,
    host: '127.0.0.1',
    config: loadConfig({}, '/nonexistent'),
    loadSamples: false,
    log: () => {},
    opsLog: (l) => ops.push(l),
  });
  after(() => s.close());
  assert.equal((await post(s.url, flag, token, 1)).status, 201);
  // (the acknowledged verdict is checkpointed first: a WAL left beside a swapped file would be replayed into it)
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  renameSync(other, file); // what a restore behind its back, or `mv`, does
  for (let i = 0; i < 5; i++) {
    const res = await post(s.url, flag, token, 2);
    assert.equal(res.status, 503);
    const body = (await res.json()) as { error: string; saved: boolean };
    assert.equal(body.saved, false);
    assert.match(
      body.error,
      /database file .*server\.db was replaced or removed while this server ran .*nothing of this request was saved; this server accepts no more writes — restart it/,
    );
  }
  assert.equal(ops.length, 1, ops.join('\n'));
  assert.match(
    ops[0]!,
    /server\.db was replaced or removed while this server ran; it accepts no more writes — restart it/,
  );
  assert.equal(countVerdicts(file), 0, 'nothing written into the new file');
  assert.equal(
    s.db.prepare('SELECT COUNT(*) FROM verdicts').pluck().get() as number,
    1,
    'nor into the old one after the swap',
  );
});
