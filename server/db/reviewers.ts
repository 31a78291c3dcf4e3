import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './index.js';
import { nowIso } from '../clock.js';
import { stmt } from './stmt.js';

export type ReviewerRole = 'reviewer' | 'admin';
export interface Reviewer {
  id: number;
  name: string;
  role: ReviewerRole;
}

/** Used when no config is at hand; the server and the CLI pass config.server.tokenLifetimeDays. */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => `tpt_${randomBytes(24).toString('base64url')}`;

/** When a token issued at `issuedAt` stops working (ISO). */
export const tokenExpiry = (issuedAt: string, lifetimeDays: number): string =>
  new Date(Date.parse(issuedAt) + lifetimeDays * 86_400_000).toISOString();

/** Creates a reviewer and returns the bearer token; only its hash is stored. */
export function addReviewer(
  db: Db,
  name: string,
  role: ReviewerRole = 'reviewer',
): { reviewer: Reviewer; token: string } {
  const token = newToken();
  const now = nowIso();
  const info = db
    .prepare('INSERT INTO reviewers (name, token_hash, role, created_at, token_issued_at) VALUES (?, ?, ?, ?, ?)')
    .run(name, hashToken(token), role, now, now);
  return { reviewer: { id: Number(info.lastInsertRowid), name, role }, token };
}

/** Whether a reviewer of that name exists (names are unique). */
export function reviewerExists(db: Db, name: string): boolean {
  return stmt(db, 'SELECT 1 FROM reviewers WHERE name = ?').get(name) !== undefined;
}

export function countReviewers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM reviewers').get() as { n: number }).n;
}

export type TokenCheck =
  | { ok: true; reviewer: Reviewer }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'revoked'; name: string; at: string }
  | { ok: false; reason: 'expired'; name: string; at: string };

interface TokenRow extends Reviewer {
  token_hash: string;
  token_issued_at: string | null;
  created_at: string;
  revoked_at: string | null;
}

/**
 * What a bearer token is worth. The token is hashed first, so the indexed lookup only ever sees a digest; the
 * stored digest is then compared in constant time before it is trusted. Revoked and expired tokens are told
 * apart from unknown ones so the reviewer learns what to ask an admin for (the name is theirs already).
 */
export function checkToken(db: Db, token: string, lifetimeDays: number = DEFAULT_TOKEN_LIFETIME_DAYS): TokenCheck {
  if (token.length === 0 || token.length > 512) return { ok: false, reason: 'unknown' };
  const presented = Buffer.from(hashToken(token), 'hex');
  const row = stmt(
    db,
    'SELECT id, name, role, token_hash, token_issued_at, created_at, revoked_at FROM reviewers WHERE token_hash = ?',
  ).get(presented.toString('hex')) as TokenRow | undefined;
  if (!row) return { ok: false, reason: 'unknown' };
  const stored = Buffer.from(row.token_hash, 'hex');
  if (stored.length !== presented.length || !timingSafeEqual(stored, presented))
    return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked', name: row.name, at: row.revoked_at };
  const expires = tokenExpiry(row.token_issued_at ?? row.created_at, lifetimeDays);
  if (expires <= nowIso()) return { ok: false, reason: 'expired', name: row.name, at: expires };
  return { ok: true, reviewer: { id: row.id, name: row.name, role: row.role } };
}

/** The reviewer a valid (known, not revoked, not expired) bearer token belongs to, or undefined. */
export function reviewerByToken(
  db: Db,
  token: string,
  lifetimeDays: number = DEFAULT_TOKEN_LIFETIME_DAYS,
): Reviewer | undefined {
  const c = checkToken(db, token, lifetimeDays);
  return c.ok ? c.reviewer : undefined;
}

export interface ReviewerListing extends Reviewer {
  createdAt: string;
  tokenIssuedAt: string;
  tokenExpiresAt: string;
  status: 'active' | 'expired' | 'revoked';
  revokedAt: string | null;
}

export function listReviewers(db: Db, lifetimeDays: number = DEFAULT_TOKEN_LIFETIME_DAYS): ReviewerListing[] {
  const rows = db
    .prepare('SELECT id, name, role, created_at, token_issued_at, revoked_at FROM reviewers ORDER BY id')
    .all() as Omit<TokenRow, 'token_hash'>[];
  const now = nowIso();
  return rows.map((r) => {
    const issued = r.token_issued_at ?? r.created_at;
    const expires = tokenExpiry(issued, lifetimeDays);
    return {
      id: r.id,
      name: r.name,
      role: r.role,
      createdAt: r.created_at,
      tokenIssuedAt: issued,
      tokenExpiresAt: expires,
      revokedAt: r.revoked_at,
      status: r.revoked_at ? 'revoked' : expires <= now ? 'expired' : 'active',
    };
  });
}

/** Revokes a reviewer's token (their verdicts stay theirs). False when there is no such reviewer. */
export function revokeReviewer(db: Db, name: string): boolean {
  return (
    db.prepare('UPDATE reviewers SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(nowIso(), name)
      .changes > 0 || !!db.prepare('SELECT 1 FROM reviewers WHERE name = ?').get(name)
  );
}

/** A new token for a reviewer (the old one stops working at once; a revoked reviewer is active again). */
export function rotateToken(db: Db, name: string): { reviewer: Reviewer; token: string } | null {
  const token = newToken();
  const info = db
    .prepare('UPDATE reviewers SET token_hash = ?, token_issued_at = ?, revoked_at = NULL WHERE name = ?')
    .run(hashToken(token), nowIso(), name);
  if (info.changes === 0) return null;
  const r = db.prepare('SELECT id, name, role FROM reviewers WHERE name = ?').get(name) as Reviewer;
  return { reviewer: r, token };
}
