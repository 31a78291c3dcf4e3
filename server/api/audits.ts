import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { listAudits } from '../db/audits.js';
import { auditView } from '../pipeline/review/rows.js';
import { HttpError } from './errors.js';
import { parse } from './validate.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

interface AuditListRow {
  id: number;
  versions: number;
  flags: number;
  pending: number;
}

export function auditsRouter({ db }: AppDeps): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    const counts = db
      .prepare(
        `SELECT a.id,
           (SELECT COUNT(*) FROM audit_versions v WHERE v.audit_id = a.id) AS versions,
           (SELECT COUNT(*) FROM flags f WHERE f.audit_id = a.id AND f.status = 'active') AS flags,
           (SELECT COUNT(*) FROM flags f WHERE f.audit_id = a.id AND f.status = 'active'
              AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.flag_id = f.id AND v.action <> 'undo'
                AND NOT EXISTS (SELECT 1 FROM verdicts u WHERE u.undoes = v.id))) AS pending
         FROM audits a`,
      )
      .all() as AuditListRow[];
    const byId = new Map(counts.map((c) => [c.id, c]));
    res.json({ audits: listAudits(db).map((a) => ({ ...a, ...byId.get(a.id) })) });
  });
  r.get('/:id', (req, res) => {
    const { id } = parse(IdParam, req.params, 'audit id');
    const view = auditView(db, id);
    if (!view) throw new HttpError(404, `no audit ${id}`);
    res.json(view);
  });
  return r;
}
