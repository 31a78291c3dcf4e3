import { Router } from 'express';
import type { AppDeps } from './app.js';
import { reviewStats } from '../db/stats.js';
import { parse } from './validate.js';
import { jsonCache } from './cache.js';
import { toFilter } from './flag-query.js';
import { FilterQuery as StatsQuery, type ReviewStats } from '../../contract/index.js';

// The same filters as the queue (status aside: the answer counts every status), so its counts follow them.

export function statsRouter({ db }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(db, 64);
  r.get('/', (req, res) => {
    const q = parse(StatsQuery, req.query, 'query');
    send(req, res, (): ReviewStats => reviewStats(db, toFilter(q)));
  });
  return r;
}
