import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openDb, type Db } from '../../server/db/index.js';

/** A fresh temporary folder, removed after the test file finishes. */
export function tmpDir(prefix = 'tapat-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real SQLite file (WAL, migrated) in a temporary folder. */
export function tmpDb(): { db: Db; file: string } {
  const file = join(tmpDir(), 'test.db');
  const db = openDb(file);
  after(() => db.close());
  return { db, file };
}
