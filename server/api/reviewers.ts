import { Router } from 'express';
import type { AppDeps } from './app.js';
import { addReviewer, reviewerExists } from '../db/reviewers.js';
import { tx } from '../db/index.js';
import { requireAdmin } from './roles.js';
import { HttpError } from './errors.js';
import { parse } from './validate.js';
import { ReviewerBody, type ReviewerCreated } from '../../contract/index.js';

// POST /api/reviewers {name, role?} — admins only. The new token is in the answer, once; only its hash is stored.

export function reviewersRouter({ db }: AppDeps): Router {
  const r = Router();
  r.post('/', ...requireAdmin(db), (req, res) => {
    const body = parse(ReviewerBody, req.body ?? {}, 'body');
    const created = tx(db, () => {
      if (reviewerExists(db, body.name)) return null;
      return addReviewer(db, body.name, body.role);
    });
    if (!created) throw new HttpError(409, `a reviewer named "${body.name}" exists already`);
    res.status(201).json({ reviewer: created.reviewer, token: created.token } satisfies ReviewerCreated);
  });
  return r;
}
