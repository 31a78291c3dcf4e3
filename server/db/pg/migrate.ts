import { join } from 'node:path';
import { loadMigrations, MigrationError } from '../migrate.js';
import { MIGRATIONS_DIR } from '../../paths.js';
import { nowIso } from '../../clock.js';
import type { PgPool } from './connect.js';

// PostgreSQL migrations: the same rules as SQLite's (migrate.ts), their own numbered files in
// migrations/postgres. Each migration commits with its schema_migrations row; an applied migration whose
// file changed, or that this version does not know, stops everything. Processes starting at once (several
// workers) take an advisory lock, so one applies and the others find it applied.

export const PG_MIGRATIONS_DIR = join(MIGRATIONS_DIR, 'postgres');
/** Any fixed number: the advisory lock that serialises migrating processes. */
const MIGRATE_LOCK = 7_412_021;

export async function migratePg(pool: PgPool, dir = PG_MIGRATIONS_DIR): Promise<number[]> {
  const migrations = loadMigrations(dir);
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = (
      await c.query<{ id: number; name: string; checksum: string }>(
        'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
      )
    ).rows;
    const byId = new Map(migrations.map((m) => [m.id, m]));
    for (const row of applied) {
      const m = byId.get(row.id);
      const name = `${String(row.id).padStart(4, '0')}_${row.name}`;
      if (!m)
        throw new MigrationError(
          `database has migration ${name} applied, which this version of tapat does not know; use a newer tapat or another database`,
        );
      if (m.checksum !== row.checksum) {
        throw new MigrationError(
          `migration postgres/${name}.sql was edited after it was applied to this database (checksum differs); add a new migration instead of editing an applied one`,
        );
      }
    }
    const done = new Set(applied.map((r) => r.id));
    const ran: number[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      try {
        await c.query('BEGIN');
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
          m.id,
          m.name,
          m.checksum,
          nowIso(),
        ]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      }
      ran.push(m.id);
    }
    return ran;
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => {});
    c.release();
  }
}
