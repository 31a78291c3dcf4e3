import { Router } from 'express';
import type { AppDeps } from './app.js';
import { getDocument, getSegments } from '../db/documents.js';
import { listDocumentPage } from '../db/listing.js';
import { DocumentListQuery, limitOf } from './list-query.js';
import { IdParam, type DocumentDetail, type DocumentList } from '../../contract/index.js';
import { documentAlignments } from '../db/alignments.js';
import { HttpError } from './errors.js';
import { NoQuery, parse } from './validate.js';

export function documentsRouter({ db }: AppDeps): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const q = parse(DocumentListQuery, req.query, 'query');
    res.json(listDocumentPage(db, { ...q, limit: limitOf(q.limit) }) satisfies DocumentList);
  });
  r.get('/:id', (req, res) => {
    const p = IdParam.safeParse(req.params);
    if (!p.success) throw new HttpError(400, 'document id must be a positive integer');
    parse(NoQuery, req.query, 'query');
    const doc = getDocument(db, p.data.id);
    if (!doc) throw new HttpError(404, `no document ${p.data.id}`);
    res.json({
      document: doc,
      segments: getSegments(db, doc.id),
      alignments: documentAlignments(db, doc.id),
    } satisfies DocumentDetail);
  });
  return r;
}
