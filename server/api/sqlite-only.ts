import type { Db } from '../db/index.js';
import type { Store } from '../db/store.js';
import { HttpError } from './http-error.js';

/** The SQLite handle for a route that runs only on SQLite so far; on PostgreSQL a 501 that says what to do instead. */
export function sqliteOnly(store: Store, what: string): Db {
  if (store.sqlite) return store.sqlite;
  throw new HttpError(501, `${what}: not available when the server runs on PostgreSQL yet`);
}
