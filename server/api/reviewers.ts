import { Router } from 'express';
import type { AppDeps } from './app.js';
import { requireAdmin } from './roles.js';
import { HttpError } from './errors.js';
import { parse } from './validate.js';
import { ReviewerBody, type ReviewerCreated } from '../../contract/index.js';

// POST /api/reviewers {name, role?} — admins only. The new token is in the answer, once; only its hash is stored.

export function reviewersRouter({ store }: AppDeps): Router {
  const r = Router();
  r.post('/', ...requireAdmin(store), async (req, res) => {
    const body = parse(ReviewerBody, req.body ?? {}, 'body');
    const created = await store.createReviewer(body.name, body.role);
    if (!created) throw new HttpError(409, `a reviewer named "${body.name}" exists already`);
    res.status(201).json({ reviewer: created.reviewer, token: created.token } satisfies ReviewerCreated);
  });
  return r;
}
