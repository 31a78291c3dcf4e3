import pg from 'pg';
import { migratePg } from './migrate.js';
import { errorMessage, InputError } from '../../errors.js';

// The PostgreSQL side of storage: one pg.Pool per process, transactions that commit whole or roll back whole.
// bigint ids (int8) are read as JavaScript numbers: exact up to 2^53, far past any id this tool will hand out,
// and the rest of the code (shared with SQLite) works with numbers.

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;
/** What a repository function runs its SQL on: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** host:port/database of a URL, never its password (for messages). */
function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the --db URL';
  }
}

/** The first query, with a one-line error naming the server when it cannot be used (down, no such database, refused). */
async function reach(pool: pg.Pool, url: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    throw new InputError(`cannot use PostgreSQL at ${where(url)}: ${errorMessage(e)} (is it running? check --db)`);
  }
}

/** A pool on the URL, migrated (numbered migrations in migrations/postgres, recorded with checksums). */
export async function openPg(url: string, opts: { max?: number; migrate?: boolean } = {}): Promise<PgPool> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 4, types });
  // an idle client that loses its server (a restart) must not crash the process: the next query reconnects
  pool.on('error', () => {});
  try {
    await reach(pool, url);
    if (opts.migrate !== false) await migratePg(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return pool;
}

/**
 * Runs fn in one transaction on its own client: committed whole, or rolled back whole when fn throws. `begin`
 * names the isolation level (a read snapshot, the review's serializable writes).
 */
export async function pgTx<T>(pool: PgPool, fn: (c: PgClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query(begin);
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}
