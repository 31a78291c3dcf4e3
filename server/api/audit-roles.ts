import { Router } from 'express';
import type { AppDeps } from './app.js';
import { requireReviewer } from './auth.js';
import { HttpError } from './errors.js';
import { parse } from './validate.js';
import { InputError } from '../errors.js';
import { sqliteOnly } from './sqlite-only.js';
import { changeRoles } from '../pipeline/review/roles.js';
import { IdParam, RolesBody, type RoleChange } from '../../contract/index.js';

// POST /api/audits/:id/roles {roles: {DOCUMENT_ID: source|translation|spin|unknown}, apply: false|true}
// apply false: what the change would do (nothing is stored); apply true: the story re-analysed with those roles.

export function auditRolesRouter({ store, config }: AppDeps): Router {
  const r = Router();
  r.post('/:id/roles', requireReviewer(store), (req, res) => {
    const db = sqliteOnly(store, 'changing the roles of a story');
    const { id } = parse(IdParam, req.params, 'audit id');
    const body = parse(RolesBody, req.body ?? {}, 'body');
    const roles = new Map(Object.entries(body.roles).map(([k, v]) => [Number(k), v] as const));
    try {
      res.json(changeRoles(db, id, roles, config.thresholds, body.apply) satisfies RoleChange);
    } catch (e) {
      if (e instanceof InputError) throw new HttpError(/^no audit/.test(e.message) ? 404 : 400, e.message);
      throw e;
    }
  });
  return r;
}
