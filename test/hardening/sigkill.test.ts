import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDb } from '../../server/db/index.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { tmpDir } from '../helpers/tmp.js';

// SIGKILL (no cleanup, no exit handlers) at the worst moments: inside a slow migration and inside
// concurrent write transactions. On reopen the file must pass integrity_check and hold whole transactions only.
const child = (name: string): string => fileURLToPath(new URL(`./children/${name}`, import.meta.url));

interface Proc {
  cp: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
function run(script: string, args: string[]): Proc {
  const cp = spawn(process.execPath, ['--import', 'tsx', child(script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buf = '';
  cp.stdout!.setEncoding('utf8').on('data', (s: string) => {
    buf += s;
    const parts = buf.split('\n');
    buf = parts.pop()!; // a line without its newline was not fully reported: not counted
    lines.push(...parts);
  });
  let err = '';
  cp.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    cp.on('exit', (code, signal) => {
      if (code) process.stderr.write(err);
      resolve({ code, signal });
    }),
  );
  return { cp, lines, exited };
}
async function until(cond: () => boolean, what: string, ms = 120_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const integrity = (db: Database.Database): unknown => db.pragma('integrity_check', { simple: true });

test('SIGKILL inside a slow migration: the migration and its record are both there or both absent', async () => {
  const dir = tmpDir();
  const migDir = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, migDir, { recursive: true });
  const ROWS = 3_000_000;
  writeFileSync(
    join(migDir, '9999_slow.sql'),
    `CREATE TABLE slow (x INTEGER PRIMARY KEY, pad TEXT NOT NULL);
     INSERT INTO slow WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${ROWS})
       SELECT x, printf('%040d', x) FROM c;`,
  );
  const file = join(dir, 'm.db');
  openDb(file).close(); // the shipped migrations applied; only 9999 is pending
  const p = run('migrate-child.ts', [file, migDir]);
  await until(() => p.lines.includes('migrating'), 'the child to start migrating');
  // Wait until the migration has spilled pages into the WAL: the kill then lands mid-transaction.
  await until(() => existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 4 * 1024 * 1024, 'the WAL to grow');
  p.cp.kill('SIGKILL');
  const ex = await p.exited;
  assert.equal(ex.signal, 'SIGKILL');
  assert.ok(!p.lines.includes('migrated'), 'killed while the migration was running');

  const db = new Database(file);
  try {
    assert.equal(integrity(db), 'ok');
    const recorded = db.prepare('SELECT COUNT(*) AS n FROM schema_migrations WHERE id = 9999').get() as { n: number };
    const table = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'slow'").get() as { n: number };
    assert.equal(recorded.n, table.n, 'record and schema change agree');
    if (table.n) assert.equal((db.prepare('SELECT COUNT(*) AS n FROM slow').get() as { n: number }).n, ROWS);
    assert.ok(
      (db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n >= 1,
      'earlier migrations kept',
    );
  } finally {
    db.close();
  }
});

test('SIGKILL during concurrent write transactions: integrity ok, every reported commit present exactly once', async () => {
  const file = join(tmpDir(), 'w.db');
  openDb(file).close();
  const procs = ['a', 'b', 'c'].map((tag) => run('writer-child.ts', [file, tag]));
  await until(() => procs.every((p) => p.lines.length >= 15), 'each writer to commit 15 transactions');
  for (const p of procs) p.cp.kill('SIGKILL');
  for (const p of procs) assert.equal((await p.exited).signal, 'SIGKILL');

  const db = openDb(file); // reopening replays/rolls back the WAL as a real restart would
  try {
    assert.equal(integrity(db), 'ok');
    const reviewers = db.prepare('SELECT name FROM reviewers').all() as { name: string }[];
    const docs = db.prepare('SELECT path, length(text) AS len FROM documents').all() as { path: string; len: number }[];
    const names = reviewers.map((r) => r.name);
    assert.equal(new Set(names).size, names.length, 'no reviewer twice');
    // Whole transactions only: each reviewer has its document and each document its reviewer, full length.
    assert.deepEqual(new Set(docs.map((d) => d.path)), new Set(names));
    for (const d of docs) assert.equal(d.len, (d.path.length + 1) * 20_000);
    const stored = new Set(names);
    let reported = 0;
    for (const p of procs) {
      for (const name of p.lines) {
        reported++;
        assert.ok(stored.has(name), `committed transaction ${name} survived the kill`);
      }
    }
    assert.ok(reported >= 45 && stored.size >= reported);
  } finally {
    db.close();
  }
});
