import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { listAudits } from '../db/audits.js';
import { stmt } from '../db/stmt.js';
import { auditView } from '../pipeline/review/rows.js';
import { HttpError } from './errors.js';
import { parse } from './validate.js';
import { jsonCache } from './cache.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

interface AuditListRow {
  id: number;
  versions: number;
  flags: number;
  pending: number;
}

export function auditsRouter({ db }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(db, 64);
  r.get('/', (req, res) => send(req, res, () => {
    const counts = stmt(
      db, 
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
    return { audits: listAudits(db).map((a) => ({ ...a, ...byId.get(a.id) })) };
  }));
  r.get('/:id', (req, res) => {
    const { id } = parse(IdParam, req.params, 'audit id');
    if (!stmt(db, 'SELECT 1 FROM audits WHERE id = ?').get(id)) throw new HttpError(404, `no audit ${id}`);
    send(req, res, () => auditView(db, id));
  });
  return r;
}
