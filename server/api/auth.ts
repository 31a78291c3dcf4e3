import type { Request, RequestHandler, Response } from 'express';
import type { Store } from '../db/store.js';
import { DEFAULT_TOKEN_LIFETIME_DAYS, type Reviewer } from '../db/reviewers.js';
import { HttpError } from './errors.js';

// Reviewers are identified by a bearer token, on every /api request but /api/health: the verdict history holds
// reviewers' names and corrections, and a page in the same browser must not read it (issue 22). createApp
// mounts authenticate() once in front of all /api routers; requireReviewer is what a route states it needs.

const reviewers = new WeakMap<Request, Reviewer>();

function refuse(res: Response, error: string | null, message: string): never {
  res.set('WWW-Authenticate', error ? `Bearer error="${error}"` : 'Bearer');
  throw new HttpError(401, message);
}

async function authenticateRequest(store: Store, lifetimeDays: number, req: Request, res: Response): Promise<Reviewer> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!m)
    refuse(
      res,
      null,
      'sign in: send Authorization: Bearer TOKEN (the link tapat serve prints, or tapat reviewer add NAME)',
    );
  const c = await store.checkToken(m[1]!, lifetimeDays);
  if (c.ok) return c.reviewer;
  if (c.reason === 'expired') {
    refuse(
      res,
      'invalid_token',
      `the token of reviewer "${c.name}" expired at ${c.at}; ask an admin for a new one (tapat reviewer rotate "${c.name}")`,
    );
  }
  if (c.reason === 'revoked') refuse(res, 'invalid_token', `the token of reviewer "${c.name}" was revoked at ${c.at}`);
  refuse(res, 'invalid_token', 'unknown or revoked token');
}

/** 401 unless the request carries a valid bearer token; the reviewer is then available to reviewerOf(). */
export function authenticate(store: Store, lifetimeDays: number): RequestHandler {
  return async (req, res, next) => {
    reviewers.set(req, await authenticateRequest(store, lifetimeDays, req, res));
    next();
  };
}

/** A route that needs a reviewer: passes when authenticate() ran already, else checks the token itself. */
export function requireReviewer(store: Store): RequestHandler {
  return async (req, res, next) => {
    if (!reviewers.has(req))
      reviewers.set(req, await authenticateRequest(store, DEFAULT_TOKEN_LIFETIME_DAYS, req, res));
    next();
  };
}

/** The reviewer requireReviewer authenticated for this request. */
export function reviewerOf(req: Request): Reviewer {
  const r = reviewers.get(req);
  if (!r) throw new Error('reviewerOf() used on a route without requireReviewer');
  return r;
}
