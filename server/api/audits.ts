import { Router } from 'express';
import type { AppDeps } from './app.js';
import { auditExists } from '../db/audits.js';
import { listAuditPage } from '../db/listing.js';
import { AuditListQuery, limitOf } from './list-query.js';
import { IdParam, type AuditList, type AuditView } from '../../contract/index.js';
import { auditView } from '../pipeline/review/rows.js';
import { jsonCache } from './cache.js';
import { HttpError } from './errors.js';
import { NoQuery, parse } from './validate.js';

export function auditsRouter({ db }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(db, 64);
  r.get('/', (req, res) => {
    const q = parse(AuditListQuery, req.query, 'query');
    send(req, res, (): AuditList => listAuditPage(db, { ...q, limit: limitOf(q.limit) }));
  });
  r.get('/:id', (req, res) => {
    const { id } = parse(IdParam, req.params, 'audit id');
    parse(NoQuery, req.query, 'query');
    if (!auditExists(db, id)) throw new HttpError(404, `no audit ${id}`);
    send(req, res, (): AuditView | undefined => auditView(db, id));
  });
  return r;
}
