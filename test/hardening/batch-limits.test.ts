import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../helpers/cli.js';
import { tmpDir } from '../helpers/tmp.js';

// limits.maxFilesPerBatch: a batch over the limit is refused whole (exit 3, one line), before anything is written.
test('tapat audit over limits.maxFilesPerBatch: exit 3, one clear line, nothing written; at the limit it runs', () => {
  const dir = tmpDir();
  const cfg = join(dir, 'tapat.config.json');
  writeFileSync(cfg, JSON.stringify({ limits: { maxFilesPerBatch: 3 } }));
  const folder = join(dir, 'in');
  mkdirSync(folder);
  for (let i = 0; i < 4; i++)
    writeFileSync(join(folder, `a${i}.txt`), `The navy said ship ${i} left port on Monday.\n`);
  const db = join(dir, 'l.db');
  const r = runCli(['audit', '--db', db, '--quiet', folder], { env: { TAPAT_CONFIG: cfg } });
  assert.equal(r.code, 3, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /more than 3 files in one batch \(limits\.maxFilesPerBatch\)/);
  if (existsSync(db)) {
    const c = new Database(db, { readonly: true });
    assert.equal(
      c.prepare('SELECT (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM batch_runs)').pluck().get(),
      0,
    );
    c.close();
  }
  const ok = runCli(
    ['audit', '--db', db, '--quiet', join(folder, 'a0.txt'), join(folder, 'a1.txt'), join(folder, 'a2.txt')],
    { env: { TAPAT_CONFIG: cfg } },
  );
  assert.equal(ok.code, 0, ok.stderr);
});
