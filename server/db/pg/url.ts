import { UsageError } from '../../errors.js';

// Which backend a --db names, told without loading the PostgreSQL client (SQLite commands must not pay for it).

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

/** Refuses a --db that is not a postgres:// URL where only PostgreSQL will do (one line, exit 2). */
export function requirePostgresUrl(db: string, what: string): string {
  if (!isPostgresUrl(db))
    throw new UsageError(
      `${what} needs --db postgres://…, not "${db}" (on SQLite a batch runs in one process: tapat audit FILES)`,
    );
  return db;
}
