import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { auditExists } from '../db/audits.js';
import { AUDIT_SORTS, listAuditPage } from '../db/listing.js';
import { limitOf, listQuery } from './list-query.js';
import { auditView } from '../pipeline/review/rows.js';
import { jsonCache } from './cache.js';
import { HttpError } from './errors.js';
import { NoQuery, parse } from './validate.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

export function auditsRouter({ db }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(db, 64);
  r.get('/', (req, res) => {
    const q = parse(listQuery(AUDIT_SORTS), req.query, 'query');
    send(req, res, () => listAuditPage(db, { ...q, limit: limitOf(q.limit) }));
  });
  r.get('/:id', (req, res) => {
    const { id } = parse(IdParam, req.params, 'audit id');
    parse(NoQuery, req.query, 'query');
    if (!auditExists(db, id)) throw new HttpError(404, `no audit ${id}`);
    send(req, res, () => auditView(db, id));
  });
  return r;
}
