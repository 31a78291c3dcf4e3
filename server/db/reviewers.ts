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

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a reviewer and returns the bearer token; only its hash is stored. */
export function addReviewer(db: Db, name: string, role: ReviewerRole = 'reviewer'): { reviewer: Reviewer; token: string } {
  const token = `tpt_${randomBytes(24).toString('base64url')}`;
  const info = db
    .prepare('INSERT INTO reviewers (name, token_hash, role, created_at) VALUES (?, ?, ?, ?)')
    .run(name, hashToken(token), role, nowIso());
  return { reviewer: { id: Number(info.lastInsertRowid), name, role }, token };
}

export function countReviewers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM reviewers').get() as { n: number }).n;
}

/**
 * The reviewer a bearer token belongs to, or undefined. The token is hashed first, so the indexed lookup
 * only ever sees a digest; the stored digest is then compared in constant time before it is trusted.
 */
export function reviewerByToken(db: Db, token: string): Reviewer | undefined {
  if (token.length === 0 || token.length > 512) return undefined;
  const presented = Buffer.from(hashToken(token), 'hex');
  const row = stmt(db, 'SELECT id, name, role, token_hash FROM reviewers WHERE token_hash = ?').get(presented.toString('hex')) as
    | (Reviewer & { token_hash: string })
    | undefined;
  if (!row) return undefined;
  const stored = Buffer.from(row.token_hash, 'hex');
  if (stored.length !== presented.length || !timingSafeEqual(stored, presented)) return undefined;
  return { id: row.id, name: row.name, role: row.role };
}
