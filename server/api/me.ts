import { Router } from 'express';
import type { AppDeps } from './app.js';
import { requireReviewer, reviewerOf } from './auth.js';
import type { Me } from '../../contract/index.js';

/** Who the bearer token belongs to: the client checks a stored token with it. */
export function meRouter({ store }: AppDeps): Router {
  const r = Router();
  r.get('/', requireReviewer(store), (req, res) => {
    res.json({ reviewer: reviewerOf(req) } satisfies Me);
  });
  return r;
}
