import pg from 'pg';
import type { Db } from '../server/db/index.js';
import { numbered } from '../server/db/pg/sql.js';
import { openPg } from '../server/db/pg/connect.js';

// Test data for the PostgreSQL backend, made with the SQLite fixtures: the fixtures (testkit/fixtures.ts) build
// rows in a SQLite file with the real pipeline, and those rows are copied as they are — same ids, same values —
// into a PostgreSQL database of the same schema (migrations/postgres/0001 is SQLite's schema). So a test on
// either backend starts from identical rows, and asserts the same answers.

/** The tables of the shared schema, parents before children. */
const TABLES = [
  'documents',
  'segments',
  'audits',
  'audit_versions',
  'alignments',
  'beads',
  'reviewers',
  'flags',
  'verdicts',
  'batch_runs',
  'batch_items',
  'batch_stories',
  'llm_cache',
  'audit_assignments',
] as const;
type Table = (typeof TABLES)[number];

const quote = (c: string): string => `"${c}"`;

async function pgColumns(c: pg.ClientBase, table: Table): Promise<Set<string>> {
  const r = await c.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
    [table],
  );
  return new Set(r.rows.map((x) => x.column_name));
}

async function copyRows(c: pg.ClientBase, table: Table, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const theirs = await pgColumns(c, table);
  const cols = Object.keys(rows[0]!).filter((k) => theirs.has(k));
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ');
    await c.query(
      numbered(`INSERT INTO ${table} (${cols.map(quote).join(', ')}) VALUES ${values}`),
      chunk.flatMap((r) => cols.map((k) => r[k])),
    );
  }
  if (theirs.has('id'))
    await c.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT MAX(id) FROM ${table}))`, [table]);
}

/** Copies every row of the SQLite database into the (migrated, empty) PostgreSQL database at `url`, in one transaction. */
export async function copySqliteToPg(db: Db, url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    for (const t of TABLES) await copyRows(c, t, db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

/** Copies rows of one table (those `where` selects in SQLite) into PostgreSQL. */
export async function copyRowsToPg(db: Db, url: string, table: Table, where: string, args: unknown[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await copyRows(
      c,
      table,
      db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...args) as Record<string, unknown>[],
    );
  } finally {
    await c.end();
  }
}

/** Runs one statement on PostgreSQL (`?` placeholders); its rows. */
export async function pgQuery<T>(url: string, sql: string, args: unknown[] = []): Promise<T[]> {
  // the product's pool: bigint ids read as numbers, as the server reads them
  const pool = await openPg(url, { migrate: false, max: 1 });
  try {
    return (await pool.query(numbered(sql), args)).rows as T[];
  } finally {
    await pool.end();
  }
}
