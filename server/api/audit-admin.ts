import { Router } from 'express';
import type { AppDeps } from './app.js';
import { requireAdmin } from './roles.js';
import { HttpError } from './errors.js';
import { parse } from './validate.js';
import { IdParam } from '../../contract/index.js';

/**
 * DELETE /api/audits/:id — admins only. The audit, its versions, alignments, flags and their verdicts go
 * (foreign-key cascades, one transaction); the documents stay, other audits may use them.
 */
export function auditAdminRouter({ store }: AppDeps): Router {
  const r = Router();
  r.delete('/:id', ...requireAdmin(store), async (req, res) => {
    const { id } = parse(IdParam, req.params, 'audit id');
    if (!(await store.deleteAudit(id))) throw new HttpError(404, `no audit ${id}`);
    res.status(204).end();
  });
  return r;
}
