import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';
import { catchUpSearch } from './search-index.js';

export type Db = Database.Database;

// The SQLite driver (a native module) is loaded with the first database opened: every command's module is
// loaded to register it, and `tapat align` and `check` open none (bench/startup.ts).
let driver: typeof Database | null = null;
const sqlite = (): typeof Database => (driver ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database);

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
  /** ms to wait on a locked database before SQLITE_BUSY (default 5000). */
  busyTimeoutMs?: number;
}

/** What a WAL file is cut back to after each checkpoint reset (bytes). */
export const JOURNAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Opens (creating if needed) a tapat database: WAL journal, foreign keys on,
 * a busy timeout so concurrent readers/writers wait instead of failing, then migrates.
 */
export function openDb(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:' && !opts.readonly) mkdirSync(dirname(file), { recursive: true });
  const Sqlite = sqlite();
  const db = new Sqlite(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // After a checkpoint resets the WAL, SQLite keeps the file at its largest size unless told otherwise.
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
  }
  db.pragma('foreign_keys = ON');
  if (opts.migrate !== false && !opts.readonly) {
    migrate(db);
    // rows a batch left unindexed when it was killed (migrations/0079_search_backlog.sql): searchable again
    catchUpSearch(db);
  }
  return db;
}

/**
 * Opens a database that must exist already (commands that only read, or add to, what a batch stored):
 * a mistyped --db is refused in one line instead of silently creating an empty database.
 */
export function openExistingDb(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    let st;
    try {
      st = statSync(file);
    } catch {
      throw new InputError('no such database (check --db or TAPAT_DB)', file);
    }
    if (!st.isFile()) throw new InputError('the database is not a file (check --db)', file);
  }
  return openDb(file, opts);
}

/** Runs fn inside one IMMEDIATE transaction: committed whole or rolled back whole. */
export function tx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** JSON column helpers: arrays/objects are stored as TEXT. */
export const toJson = (v: unknown): string => JSON.stringify(v);
export function fromJson<T>(s: string | null | undefined, fallback: T): T {
  if (s === null || s === undefined || s === '') return fallback;
  return JSON.parse(s) as T;
}
