import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { openDb } from '../../server/db/index.js';

function countReviewers(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM reviewers').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test('backup while a writer holds the database open, then restore over a changed database', () => {
  const dir = tmpDir();
  const dbFile = join(dir, 'live.db');
  assert.equal(runCli(['reviewer', 'add', 'ana', '--db', dbFile]).code, 0);
  // an open connection with uncheckpointed WAL content: the backup must still include it
  const live = openDb(dbFile);
  live.pragma('wal_autocheckpoint = 0');
  live.prepare("INSERT INTO reviewers (name, token_hash, created_at) VALUES ('ben', 'h-ben', 't')").run();
  const out = join(dir, 'backup.db');
  const b = runCli(['backup', '--db', dbFile, '--out', out]);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(countReviewers(out), 2);
  live.prepare("INSERT INTO reviewers (name, token_hash, created_at) VALUES ('cy', 'h-cy', 't')").run();
  live.close();
  assert.equal(countReviewers(dbFile), 3);

  assert.equal(runCli(['restore', out, '--db', dbFile]).code, 2, 'refuses to overwrite without --force');
  const r = runCli(['restore', out, '--db', dbFile, '--force']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(countReviewers(dbFile), 2);
  const db = new Database(dbFile, { readonly: true });
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();
});

test('backup refuses to overwrite; restore refuses a file that is not a tapat database', () => {
  const dir = tmpDir();
  const dbFile = join(dir, 'x.db');
  assert.equal(runCli(['reviewer', 'add', 'ana', '--db', dbFile]).code, 0);
  const out = join(dir, 'exists.db');
  writeFileSync(out, 'x');
  assert.equal(runCli(['backup', '--db', dbFile, '--out', out]).code, 2);
  const junk = join(dir, 'junk.db');
  writeFileSync(junk, 'this is not sqlite at all, just text');
  const r = runCli(['restore', junk, '--db', join(dir, 'new.db')]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /not a SQLite database/);
  const plain = join(dir, 'plain.db');
  const p = new Database(plain);
  p.exec('CREATE TABLE t (x)');
  p.close();
  const r2 = runCli(['restore', plain, '--db', join(dir, 'new2.db')]);
  assert.equal(r2.code, 3);
  assert.match(r2.stderr, /not a tapat database/);
  assert.equal(countReviewers(dbFile), 1);
});
