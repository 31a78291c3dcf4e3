import type { Request, Response } from 'express';
import type { Db } from '../db/index.js';
import { changeStamp } from '../db/change-stamp.js';

// Read responses cached until the database changes. The stamp combines SQLite's data_version (changes when
// another connection commits: a `tapat audit` run beside the server) with total_changes() (rows this
// connection changed: verdicts), so a cached body is never served after any write. Express adds an ETag,
// so an unchanged queue costs the browser a 304.

export type SendJson = (req: Request, res: Response, produce: () => unknown) => void;

export function jsonCache(db: Db, maxEntries = 256): SendJson {
  const entries = new Map<string, { stamp: string; body: string }>();
  const stampOf = changeStamp(db);
  return (req, res, produce) => {
    const key = req.originalUrl;
    const stamp = stampOf();
    const hit = entries.get(key);
    let body: string;
    if (hit && hit.stamp === stamp) {
      body = hit.body;
      entries.delete(key); // re-insert: the Map's order is the least-recently-used order
      entries.set(key, hit);
    } else {
      body = JSON.stringify(produce());
      entries.set(key, { stamp, body });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    res.type('application/json').send(body);
  };
}
