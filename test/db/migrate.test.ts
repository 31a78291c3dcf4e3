import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, MigrationError, loadMigrations } from '../../server/db/migrate.js';
import { openDb } from '../../server/db/index.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { tmpDir } from '../helpers/tmp.js';

test('a new database gets every migration, recorded with its checksum, in WAL mode', () => {
  const file = join(tmpDir(), 'a.db');
  const db = openDb(file);
  const rows = db.prepare('SELECT id, checksum FROM schema_migrations ORDER BY id').all() as {
    id: number;
    checksum: string;
  }[];
  const files = loadMigrations();
  assert.deepEqual(
    rows.map((r) => r.id),
    files.map((m) => m.id),
  );
  assert.equal(rows[0]!.checksum, files[0]!.checksum);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.ok(db.prepare("SELECT name FROM sqlite_master WHERE name = 'verdicts'").get());
  db.close();
  // re-opening applies nothing new
  const db2 = new Database(file);
  assert.deepEqual(migrate(db2), []);
  db2.close();
});

test('an applied migration that was edited is refused with a clear message', () => {
  const dir = tmpDir();
  const migs = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, migs, { recursive: true });
  const db = new Database(join(dir, 'b.db'));
  migrate(db, migs);
  appendFileSync(join(migs, '0001_init.sql'), '\n-- edited\n');
  assert.throws(
    () => migrate(db, migs),
    (e: unknown) => e instanceof MigrationError && /was edited after it was applied/.test(e.message),
  );
  db.close();
});

test('a database with a migration this version does not know is refused', () => {
  const dir = tmpDir();
  const migs = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, migs, { recursive: true });
  writeFileSync(join(migs, '9999_future.sql'), 'CREATE TABLE future (x);');
  const db = new Database(join(dir, 'c.db'));
  migrate(db, migs);
  assert.throws(
    () => migrate(db),
    (e: unknown) => e instanceof MigrationError && /does not know/.test(e.message),
  );
  db.close();
});

test('a failing migration leaves nothing behind', () => {
  const dir = tmpDir();
  const migs = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, migs, { recursive: true });
  writeFileSync(join(migs, '9998_broken.sql'), 'CREATE TABLE half_done (x);\nTHIS IS NOT SQL;');
  const db = new Database(join(dir, 'd.db'));
  assert.throws(() => migrate(db, migs));
  assert.equal(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get(), undefined);
  const n = (db.prepare('SELECT COUNT(*) AS n FROM schema_migrations WHERE id = 9998').get() as { n: number }).n;
  assert.equal(n, 0);
  db.close();
});

test('verdicts are append-only', () => {
  const db = openDb(join(tmpDir(), 'e.db'));
  db.exec(`INSERT INTO documents (id, path, format, encoding, lang, text, sha256, created_at) VALUES (1, 'a', 'txt', 'utf-8', 'en', 'x', 'h', 't');
           INSERT INTO flags (id, document_id, detector, category, severity, confidence, message, fingerprint, created_at, updated_at)
             VALUES (1, 1, 'd', 'accuracy/mistranslation', 'minor', 0.5, 'm', 'f', 't', 't');
           INSERT INTO reviewers (id, name, token_hash, created_at) VALUES (1, 'r', 'h', 't');
           INSERT INTO verdicts (flag_id, action, reviewer_id, flag_version, created_at) VALUES (1, 'approve', 1, 1, 't');`);
  assert.throws(() => db.exec("UPDATE verdicts SET action = 'reject'"), /append-only/);
  assert.throws(() => db.exec('DELETE FROM verdicts'), /append-only/);
  db.close();
});
