import { Router } from 'express';
import type { AppDeps } from './app.js';
import { parse } from './validate.js';
import { jsonCache } from './cache.js';
import { toFilter } from './flag-query.js';
import { FilterQuery as StatsQuery, type ReviewStats } from '../../contract/index.js';

// The same filters as the queue (status aside: the answer counts every status), so its counts follow them.

export function statsRouter({ store }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(store, 64);
  r.get('/', async (req, res) => {
    const q = parse(StatsQuery, req.query, 'query');
    await send(req, res, (): Promise<ReviewStats> => store.reviewStats(toFilter(q)));
  });
  return r;
}
