import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS_DIR } from '../paths.js';
import { nowIso } from '../clock.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue;
    const m = FILE_RE.exec(file);
    if (!m) throw new MigrationError(`migration file name "${file}" must look like NNNN_name.sql`);
    const sql = readFileSync(join(dir, file), 'utf8');
    out.push({ id: Number(m[1]), name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.id === out[i - 1]!.id) throw new MigrationError(`two migrations are numbered ${out[i]!.id}`);
  }
  return out;
}

interface AppliedRow {
  id: number;
  name: string;
  checksum: string;
}

/**
 * Applies pending migrations in order, each inside its own transaction together with its
 * record in schema_migrations, so a crash leaves either the whole migration or none of it.
 * An applied migration whose file changed, or that no longer exists, stops everything:
 * the database was made by other code than this, and guessing would risk the data.
 */
export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const migrations = loadMigrations(dir);
  const byId = new Map(migrations.map((m) => [m.id, m]));
  const applied = db.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all() as AppliedRow[];
  for (const row of applied) {
    const m = byId.get(row.id);
    if (!m) {
      throw new MigrationError(
        `database has migration ${String(row.id).padStart(4, '0')}_${row.name} applied, which this version of tapat does not know; use a newer tapat or another database`,
      );
    }
    if (m.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${String(row.id).padStart(4, '0')}_${row.name}.sql was edited after it was applied to this database (checksum differs); add a new migration instead of editing an applied one`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.id));
  const ran: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, m.checksum, nowIso());
    }).immediate();
    ran.push(m.id);
  }
  return ran;
}
