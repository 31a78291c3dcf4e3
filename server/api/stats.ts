import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { reviewStats } from '../db/stats.js';
import { parse } from './validate.js';
import { jsonCache } from './cache.js';
import { FilterFields, toFilter } from './flag-query.js';

// The same filters as the queue (status aside: the answer counts every status), so its counts follow them.
const StatsQuery = z.object(FilterFields).strict();

export function statsRouter({ db }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(db, 64);
  r.get('/', (req, res) => {
    const q = parse(StatsQuery, req.query, 'query');
    send(req, res, () => reviewStats(db, toFilter(q)));
  });
  return r;
}
