import { timingSafeEqual } from 'node:crypto';
import { nowIso } from '../../clock.js';
import { hashToken, newToken, tokenExpiry, type Reviewer, type ReviewerRole, type TokenCheck } from '../reviewers.js';
import type { Queryable } from './connect.js';
import { row } from './sql.js';

// Reviewers and their tokens on PostgreSQL, by the rules of reviewers.ts (only the token's hash is stored;
// revoked and expired tokens are told apart from unknown ones).

export async function createReviewerPg(
  q: Queryable,
  name: string,
  role: ReviewerRole,
): Promise<{ reviewer: Reviewer; token: string } | null> {
  const token = newToken();
  const now = nowIso();
  // the name's uniqueness decides, in the one statement: two admins adding one name get one reviewer
  const r = await row<{ id: number }>(
    q,
    `INSERT INTO reviewers (name, token_hash, role, created_at, token_issued_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO NOTHING RETURNING id`,
    [name, hashToken(token), role, now, now],
  );
  return r ? { reviewer: { id: r.id, name, role }, token } : null;
}

interface TokenRow extends Reviewer {
  token_hash: string;
  token_issued_at: string | null;
  created_at: string;
  revoked_at: string | null;
}

export async function checkTokenPg(q: Queryable, token: string, lifetimeDays: number): Promise<TokenCheck> {
  if (token.length === 0 || token.length > 512) return { ok: false, reason: 'unknown' };
  const presented = Buffer.from(hashToken(token), 'hex');
  const r = await row<TokenRow>(
    q,
    'SELECT id, name, role, token_hash, token_issued_at, created_at, revoked_at FROM reviewers WHERE token_hash = ?',
    [presented.toString('hex')],
  );
  if (!r) return { ok: false, reason: 'unknown' };
  const stored = Buffer.from(r.token_hash, 'hex');
  if (stored.length !== presented.length || !timingSafeEqual(stored, presented))
    return { ok: false, reason: 'unknown' };
  if (r.revoked_at) return { ok: false, reason: 'revoked', name: r.name, at: r.revoked_at };
  const expires = tokenExpiry(r.token_issued_at ?? r.created_at, lifetimeDays);
  if (expires <= nowIso()) return { ok: false, reason: 'expired', name: r.name, at: expires };
  return { ok: true, reviewer: { id: r.id, name: r.name, role: r.role } };
}
