import { Router } from 'express';
import type { AppDeps } from './app.js';
import { AuditListQuery, limitOf } from './list-query.js';
import { IdParam, type AuditList, type AuditView } from '../../contract/index.js';
import { auditView } from '../pipeline/review/rows.js';
import { jsonCache } from './cache.js';
import { HttpError } from './errors.js';
import { NoQuery, parse } from './validate.js';

export function auditsRouter({ store }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(store, 64);
  r.get('/', async (req, res) => {
    const q = parse(AuditListQuery, req.query, 'query');
    await send(req, res, (): Promise<AuditList> => store.listAuditPage({ ...q, limit: limitOf(q.limit) }));
  });
  r.get('/:id', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'audit id');
    parse(NoQuery, req.query, 'query');
    if (!(await store.auditExists(id))) throw new HttpError(404, `no audit ${id}`);
    await send(req, res, async (): Promise<AuditView | undefined> => {
      const reads = await store.auditReads(id);
      return reads && auditView(reads, id);
    });
  });
  return r;
}
