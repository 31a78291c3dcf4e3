import type { RequestHandler } from 'express';
import type { Store } from '../db/store.js';
import { requireReviewer, reviewerOf } from './auth.js';
import { HttpError } from './errors.js';

/** Authenticated (401 without a valid token) and an admin (403 for a plain reviewer). */
export function requireAdmin(store: Store): RequestHandler[] {
  const onlyAdmins: RequestHandler = (req, _res, next) => {
    const who = reviewerOf(req);
    if (who.role !== 'admin') throw new HttpError(403, `admins only; reviewer "${who.name}" has the reviewer role`);
    next();
  };
  return [requireReviewer(store), onlyAdmins];
}
