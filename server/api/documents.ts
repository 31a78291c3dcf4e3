import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { getDocument, getSegments, listDocuments } from '../db/documents.js';
import { documentAlignments } from '../db/alignments.js';
import { HttpError } from './errors.js';
import { NoQuery, parse } from './validate.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

export function documentsRouter({ db }: AppDeps): Router {
  const r = Router();
  r.get('/', (req, res) => {
    parse(NoQuery, req.query, 'query');
    res.json({ documents: listDocuments(db) });
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
