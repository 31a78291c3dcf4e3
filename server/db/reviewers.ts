import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './index.js';
import { nowIso } from '../clock.js';

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
