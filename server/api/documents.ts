import { Router } from 'express';
import type { AppDeps } from './app.js';
import { DocumentListQuery, limitOf } from './list-query.js';
import { IdParam, type DocumentDetail, type DocumentList } from '../../contract/index.js';
import { HttpError } from './errors.js';
import { NoQuery, parse } from './validate.js';

export function documentsRouter({ store }: AppDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const q = parse(DocumentListQuery, req.query, 'query');
    res.json((await store.listDocumentPage({ ...q, limit: limitOf(q.limit) })) satisfies DocumentList);
  });
  r.get('/:id', async (req, res) => {
    const p = IdParam.safeParse(req.params);
    if (!p.success) throw new HttpError(400, 'document id must be a positive integer');
    parse(NoQuery, req.query, 'query');
    const detail = await store.documentDetail(p.data.id);
    if (!detail) throw new HttpError(404, `no document ${p.data.id}`);
    res.json(detail satisfies DocumentDetail);
  });
  return r;
}
