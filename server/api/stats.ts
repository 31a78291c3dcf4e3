import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { reviewStats } from '../db/stats.js';
import { parse } from './validate.js';
import { jsonCache } from './cache.js';

const StatsQuery = z.object({ audit: z.coerce.number().int().positive().optional() }).strict();

export function statsRouter({ db }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(db, 64);
  r.get('/', (req, res) => {
    const q = parse(StatsQuery, req.query, 'query');
    send(req, res, () => reviewStats(db, q.audit));
  });
  return r;
}
