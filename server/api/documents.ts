import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { getDocument, getSegments } from '../db/documents.js';
import { DOCUMENT_SORTS, listDocumentPage } from '../db/listing.js';
import { limitOf, listQuery } from './list-query.js';
import { documentAlignments } from '../db/alignments.js';
import { HttpError } from './errors.js';
import { NoQuery, parse } from './validate.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

export function documentsRouter({ db }: AppDeps): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const q = parse(listQuery(DOCUMENT_SORTS), req.query, 'query');
    res.json(listDocumentPage(db, { ...q, limit: limitOf(q.limit) }));
  });
  r.get('/:id', (req, res) => {
    const p = IdParam.safeParse(req.params);
    if (!p.success) throw new HttpError(400, 'document id must be a positive integer');
    parse(NoQuery, req.query, 'query');
    const doc = getDocument(db, p.data.id);
    if (!doc) throw new HttpError(404, `no document ${p.data.id}`);
    res.json({ document: doc, segments: getSegments(db, doc.id), alignments: documentAlignments(db, doc.id) });
  });
  return r;
}
