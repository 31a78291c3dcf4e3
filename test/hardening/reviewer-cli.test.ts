import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../server/db/index.js';
import { reviewerByToken } from '../../server/db/reviewers.js';
import { runCli, jsonl } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { ReviewerRecord } from '../../contract/index.js';

// tapat reviewer list | revoke | rotate (issue 22): a leaked token can be ended, a lost one replaced, and
// nobody's token is ever printed by list.

const lastLine = (s: string): string => s.trim().split('\n').at(-1)!;

test('reviewer list shows status and expiry but no token; revoke ends a token; rotate replaces it', () => {
  const db = join(tmpDir(), 'r.db');
  const ana = runCli(['reviewer', 'add', 'ana', '--db', db]);
  assert.equal(ana.code, 0, ana.stderr);
  const anaToken = lastLine(ana.stdout);
  const boss = runCli(['reviewer', 'add', 'boss', '--admin', '--db', db]);
  const bossToken = lastLine(boss.stdout);

  const list = runCli(['reviewer', 'list', '--db', db, '--json']);
  assert.equal(list.code, 0, list.stderr);
  const rows = jsonl<{ name: string; role: string; status: string; tokenExpiresAt: string }>(list.stdout);
  assert.deepEqual(
    rows.map((r) => [r.name, r.role, r.status]),
    [
      ['ana', 'reviewer', 'active'],
      ['boss', 'admin', 'active'],
    ],
  );
  for (const r of rows)
    assert.ok(
      ReviewerRecord.safeParse(r).success,
      `${r.name}: the record keeps to the contract (contract/jsonl/records.ts)`,
    );
  assert.ok(
    rows.every((r) => Date.parse(r.tokenExpiresAt) > Date.now() + 89 * 86_400_000),
    'default lifetime 90 days',
  );
  const text = runCli(['reviewer', 'list', '--db', db]);
  assert.match(text.stdout, /ana\treviewer\tactive until \d{4}-/);
  for (const out of [list.stdout, text.stdout]) {
    assert.ok(
      !out.includes(anaToken) && !out.includes(bossToken) && !out.includes(anaToken.slice(4, 20)),
      'no token printed',
    );
  }

  const revoke = runCli(['reviewer', 'revoke', 'ana', '--db', db]);
  assert.equal(revoke.code, 0, revoke.stderr);
  assert.match(revoke.stdout, /revoked/);
  const check = (token: string): string | undefined => {
    const d = openDb(db);
    try {
      return reviewerByToken(d, token)?.name;
    } finally {
      d.close();
    }
  };
  assert.equal(check(anaToken), undefined, 'revoked');
  assert.equal(check(bossToken), 'boss', 'others untouched');
  assert.match(runCli(['reviewer', 'list', '--db', db]).stdout, /ana\treviewer\trevoked \d{4}-/);

  const rotate = runCli(['reviewer', 'rotate', 'ana', '--db', db]);
  assert.equal(rotate.code, 0, rotate.stderr);
  const fresh = lastLine(rotate.stdout);
  assert.match(fresh, /^tpt_[\w-]{32}$/);
  assert.equal(check(fresh), 'ana', 'the rotated token works and lifts the revocation');
  assert.equal(check(anaToken), undefined, 'the old one stays dead');

  for (const args of [
    ['revoke', 'nobody'],
    ['rotate', 'nobody'],
  ]) {
    const r = runCli(['reviewer', ...args, '--db', db]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), 'tapat: no reviewer named "nobody"');
  }
  const missing = join(tmpDir(), 'typo.db');
  for (const args of [['list'], ['revoke', 'ana'], ['rotate', 'ana']]) {
    const r = runCli(['reviewer', ...args, '--db', missing]);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr.trim(), /^tapat: .*typo\.db: no such database$/);
    assert.equal(existsSync(missing), false, 'no empty database created');
  }
});

test('the token lifetime comes from tapat.config.json (server.tokenLifetimeDays)', () => {
  const dir = tmpDir();
  const db = join(dir, 'r.db');
  runCli(['reviewer', 'add', 'ana', '--db', db]);
  const cfg = join(dir, 'tapat.config.json');
  writeFileSync(cfg, JSON.stringify({ server: { tokenLifetimeDays: 1 } }));
  const r = runCli(['reviewer', 'list', '--db', db, '--json'], { env: { TAPAT_CONFIG: cfg } });
  const [row] = jsonl<{ tokenIssuedAt: string; tokenExpiresAt: string }>(r.stdout);
  assert.equal(Date.parse(row!.tokenExpiresAt) - Date.parse(row!.tokenIssuedAt), 86_400_000);
});
