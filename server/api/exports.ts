import { Router } from 'express';
import type { AppDeps } from './app.js';
import { HttpError } from './errors.js';
import { InputError } from '../errors.js';
import { exportAudit } from '../pipeline/export/index.js';
import { ExportQuery as Query, IdParam as Params } from '../../contract/index.js';

// GET /api/audits/:id/export?format=txt|md|html|tmx|xliff|csv|jsonl[&document=ID][&dropBoilerplate=1]

export function exportsRouter({ store }: AppDeps): Router {
  const r = Router();
  r.get('/:id/export', async (req, res) => {
    const p = Params.safeParse(req.params);
    if (!p.success) throw new HttpError(400, 'audit id must be a positive integer');
    const q = Query.safeParse(req.query);
    if (!q.success) {
      const first = q.error.issues[0];
      throw new HttpError(400, `${first?.path.join('.') || 'query'}: ${first?.message ?? 'invalid'}`);
    }
    const reads = await store.auditReads(p.data.id);
    if (!reads) throw new HttpError(404, `no audit ${p.data.id}`);
    try {
      const out = exportAudit(reads, p.data.id, {
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
