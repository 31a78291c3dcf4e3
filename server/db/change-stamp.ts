import type { Db } from './index.js';

/**
 * A function returning a stamp that changes with every write to the database: SQLite's data_version
 * (changes when another connection commits: a `tapat audit` run beside the server) joined with
 * total_changes() (rows this connection changed). Read caches compare it to serve nothing stale.
 */
export function changeStamp(db: Db): () => string {
  const s = db.prepare(`SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS s`).pluck();
  return () => s.get() as string;
}
