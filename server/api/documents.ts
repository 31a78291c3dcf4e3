import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { getDocument, getSegments, listDocuments } from '../db/documents.js';
import { HttpError } from './errors.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

export function documentsRouter({ db }: AppDeps): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.json({ documents: listDocuments(db) });
  });
  r.get('/:id', (req, res) => {
    const p = IdParam.safeParse(req.params);
    if (!p.success) throw new HttpError(400, 'document id must be a positive integer');
    const doc = getDocument(db, p.data.id);
    if (!doc) throw new HttpError(404, `no document ${p.data.id}`);
    res.json({ document: doc, segments: getSegments(db, doc.id) });
  });
  return r;
}
