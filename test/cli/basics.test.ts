import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { SEEDS } from '../helpers/paths.js';

test('tapat --help lists the commands of the contract', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  for (const c of ['serve', 'audit', 'align', 'check', 'spin', 'export', 'segment', 'reviewer', 'detectors'])
    assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
});

test('an unknown command is a usage error (exit 2)', () => {
  const r = runCli(['frobnicate']);
  assert.equal(r.code, 2);
});

test('reviewer add prints the token alone on the last line, and stores only its hash', () => {
  const db = join(tmpDir(), 'r.db');
  const r = runCli(['reviewer', 'add', 'Maria', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const token = r.stdout.trim().split('\n').pop()!;
  assert.match(token, /^tpt_[A-Za-z0-9_-]{20,}$/);
  const conn = new Database(db, { readonly: true });
  const row = conn.prepare('SELECT token_hash, role FROM reviewers WHERE name = ?').get('Maria') as {
    token_hash: string;
    role: string;
  };
  conn.close();
  assert.notEqual(row.token_hash, token);
  assert.equal(row.role, 'reviewer');
  assert.equal(runCli(['reviewer', 'add', 'Maria', '--db', db]).code, 2);
});

test('audit on the sample folder is idempotent', () => {
  const db = join(tmpDir(), 'a.db');
  const first = runCli(['audit', SEEDS, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  const conn = () => new Database(db, { readonly: true });
  const c1 = conn();
  const n1 = (c1.prepare('SELECT COUNT(*) AS n FROM segments').get() as { n: number }).n;
  const d1 = (c1.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  c1.close();
  assert.equal(d1, 5);
  assert.ok(n1 > 50);
  const second = runCli(['audit', SEEDS, '--db', db]);
  assert.equal(second.code, 0, second.stderr);
  const c2 = conn();
  assert.equal((c2.prepare('SELECT COUNT(*) AS n FROM segments').get() as { n: number }).n, n1);
  assert.equal((c2.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n, d1);
  c2.close();
});
