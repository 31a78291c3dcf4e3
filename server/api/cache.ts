import type { Request, Response } from 'express';
import type { Store } from '../db/store.js';

// Read responses cached until the database changes. The stamp combines SQLite's data_version (changes when
// another connection commits: a `tapat audit` run beside the server) with total_changes() (rows this
// connection changed: verdicts), so a cached body is never served after any write. Express adds an ETag,
// so an unchanged queue costs the browser a 304. On PostgreSQL the stamp is a counter that every write
// transaction bumps before it commits (migrations/postgres/0004): read before the body, it never lets a body
// older than the stamp be served as current.

export type SendJson = (req: Request, res: Response, produce: () => unknown) => Promise<void>;

export function jsonCache(store: Store, maxEntries = 256): SendJson {
  const entries = new Map<string, { stamp: string; body: string }>();
  return async (req, res, produce) => {
    const key = req.originalUrl;
    const stamp = await store.changeStamp();
    const hit = entries.get(key);
    let body: string;
    if (hit && hit.stamp === stamp) {
      body = hit.body;
      entries.delete(key); // re-insert: the Map's order is the least-recently-used order
      entries.set(key, hit);
    } else {
      body = JSON.stringify(await produce());
      entries.set(key, { stamp, body });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    res.type('application/json').send(body);
  };
}
