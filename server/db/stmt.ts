import type { Statement } from 'better-sqlite3';
import type { Db } from './index.js';

// Prepared statements reused per connection: the review queries are long, and parsing them on every
// request cost as much as running them.
const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    s = db.prepare(sql);
    if (m.size > 500) m.clear();
    m.set(sql, s);
  }
  return s;
}
