import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { HttpError } from './errors.js';
import { InputError } from '../errors.js';
import { EXPORT_FORMATS, exportAudit } from '../pipeline/export/index.js';

// GET /api/audits/:id/export?format=txt|md|html|tmx|xliff|csv|jsonl[&document=ID][&dropBoilerplate=1]
const Params = z.object({ id: z.coerce.number().int().positive() });
const Query = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    document: z.coerce.number().int().positive().optional(),
    dropBoilerplate: z.enum(['0', '1', 'true', 'false']).optional(),
  })
  .strict();

export function exportsRouter({ db }: AppDeps): Router {
  const r = Router();
  r.get('/:id/export', (req, res) => {
    const p = Params.safeParse(req.params);
    if (!p.success) throw new HttpError(400, 'audit id must be a positive integer');
    const q = Query.safeParse(req.query);
    if (!q.success) {
      const first = q.error.issues[0];
      throw new HttpError(400, `${first?.path.join('.') || 'query'}: ${first?.message ?? 'invalid'}`);
    }
    try {
      const out = exportAudit(db, p.data.id, {
        format: q.data.format,
        documentId: q.data.document ?? null,
        dropBoilerplate: q.data.dropBoilerplate === '1' || q.data.dropBoilerplate === 'true',
      });
      res.type(out.contentType).attachment(out.filename).send(out.body);
    } catch (e) {
      if (e instanceof InputError) throw new HttpError(/^no audit/.test(e.message) ? 404 : 400, e.message);
      throw e;
    }
  });
  return r;
}
