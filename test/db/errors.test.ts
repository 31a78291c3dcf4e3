import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../server/db/index.js';
import { dbErrorMessage } from '../../server/db/errors.js';
import { tmpDb, tmpDir } from '../helpers/tmp.js';

// Real SQLite failures (not hand-made error objects) map to one clear line; anything else maps to null.
function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

test('SQLITE_BUSY beyond the busy timeout → a clear line that says nothing was saved', () => {
  const { db, file } = tmpDb();
  const other = openDb(file, { busyTimeoutMs: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
    const err = caught(() => other.exec("INSERT INTO reviewers (name, token_hash, created_at) VALUES ('x', 'y', 'z')"));
    const msg = dbErrorMessage(err);
    assert.match(msg ?? '', /^database error \(SQLITE_BUSY\): .*locked.*nothing from this command was saved/);
    assert.ok(!msg!.includes('\n'));
  } finally {
    db.exec('ROLLBACK');
    other.close();
  }
});

test('a file that is not a database, and → a clear line; unrelated errors → null', () => {
  const dir = tmpDir();
  const notDb = join(dir, 'notes.db');
  writeFileSync(notDb, 'just some text that is long enough to be read as a header '.repeat(20));
  assert.match(
    dbErrorMessage(caught(() => openDb(notDb))) ?? '',
    /SQLITE_NOTADB\): the --db file is not a SQLite database/,
  );
  assert.equal(dbErrorMessage(new Error('boom')), null);
  assert.equal(dbErrorMessage(null), null);
});
