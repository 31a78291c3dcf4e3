import type { Db } from '../../server/db/index.js';
import { addReviewer, rotateToken } from '../../server/db/reviewers.js';

/**
 * An Authorization header for a reviewer named `name` (created, or given a fresh token when it exists): every
 * /api read but /api/health needs one (issue 22).
 */
export function authHeader(db: Db, name = 'reader'): { authorization: string } {
  const r = rotateToken(db, name) ?? addReviewer(db, name);
  return { authorization: `Bearer ${r.token}` };
}
