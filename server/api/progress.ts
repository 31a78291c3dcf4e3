import { Router } from 'express';
import type { AppDeps } from './app.js';
import { requireAdmin } from './roles.js';
import { reviewerOf } from './auth.js';
import { HttpError } from './errors.js';
import { NoQuery, parse } from './validate.js';
import { AssigneeBody, IdParam, type Assigned, type Progress } from '../../contract/index.js';

// GET  /api/progress                     → {reviewers: [{name, decided_today, decided, assigned_audits, pending_assigned}]}
// POST /api/audits/:id/assignee {reviewer: NAME | null} — admins: who reviews this audit (null: anyone)

export function progressRouter({ store }: AppDeps): Router {
  const r = Router();
  r.get('/progress', async (req, res) => {
    parse(NoQuery, req.query, 'query');
    res.json({ reviewers: await store.reviewerProgress() } satisfies Progress);
  });
  r.post('/audits/:id/assignee', ...requireAdmin(store), async (req, res) => {
    const { id } = parse(IdParam, req.params, 'audit id');
    const body = parse(AssigneeBody, req.body ?? {}, 'body');
    const reviewerId = body.reviewer === null ? null : await store.reviewerIdByName(body.reviewer);
    if (reviewerId === undefined) throw new HttpError(400, `reviewer: no reviewer named "${body.reviewer}"`);
    if (!(await store.assignAudit(id, reviewerId, reviewerOf(req).id))) throw new HttpError(404, `no audit ${id}`);
    res.json({ audit: id, reviewer: body.reviewer } satisfies Assigned);
  });
  return r;
}
