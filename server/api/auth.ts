import type { Request, RequestHandler } from 'express';
import type { Db } from '../db/index.js';
import { reviewerByToken, type Reviewer } from '../db/reviewers.js';
import { HttpError } from './errors.js';

// Reviewers are identified by a bearer token. Reading is open on this local tool; anything that changes
// state goes through requireReviewer.

const reviewers = new WeakMap<Request, Reviewer>();

export function requireReviewer(db: Db): RequestHandler {
  return (req, res, next) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!m) {
      res.set('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'sign in: send Authorization: Bearer TOKEN (tapat reviewer add NAME prints one)');
    }
    const reviewer = reviewerByToken(db, m[1]!);
    if (!reviewer) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new HttpError(401, 'unknown or revoked token');
    }
    reviewers.set(req, reviewer);
    next();
  };
}

/** The reviewer requireReviewer authenticated for this request. */
export function reviewerOf(req: Request): Reviewer {
  const r = reviewers.get(req);
  if (!r) throw new Error('reviewerOf() used on a route without requireReviewer');
  return r;
}
