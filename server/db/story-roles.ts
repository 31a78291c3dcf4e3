import { stmt } from './stmt.js';
import type { Db } from './index.js';
import { currentVerdictSql } from './queue-sql.js';
import { nowIso } from '../clock.js';
import type { Role } from '../core/types.js';

// What a reviewer's change of a story's roles reads and writes (pipeline/review/roles.ts): the versions'
// roles, the pivot, and the flags the re-analysis leaves stale.

/** Active spin-detector flags of an audit, counted per document. */
export function spinFlagCounts(db: Db, auditId: number): Map<number, number> {
  const rows = stmt(
    db,
    `SELECT document_id AS d, COUNT(*) AS n FROM flags WHERE audit_id = ? AND status = 'active' AND detector LIKE 'spin%' GROUP BY document_id`,
  ).all(auditId) as { d: number; n: number }[];
  return new Map(rows.map((r) => [r.d, r.n]));
}

/**
 * Stores new roles and pivot for a story's versions and drops its alignments (they are to the old pivot
 * and no longer describe the story). Call inside tx().
 */
export function setStoryRoles(
  db: Db,
  auditId: number,
  roles: readonly { document_id: number; role: Role }[],
  pivotDocumentId: number,
): void {
  const setRole = stmt(db, 'UPDATE audit_versions SET role = ? WHERE audit_id = ? AND document_id = ?');
  for (const v of roles) setRole.run(v.role, auditId, v.document_id);
  stmt(db, 'UPDATE audits SET pivot_document_id = ?, updated_at = ? WHERE id = ?').run(
    pivotDocumentId,
    nowIso(),
    auditId,
  );
  stmt(db, 'DELETE FROM alignments WHERE audit_id = ?').run(auditId);
}

/** An audit's stale flags, each with whether it carries a current verdict (kept as history). */
export function staleFlags(db: Db, auditId: number): { id: number; decided: boolean }[] {
  const rows = stmt(
    db,
    `SELECT f.id, ${currentVerdictSql()} AS c FROM flags f WHERE f.audit_id = ? AND f.status = 'stale'`,
  ).all(auditId) as {
    id: number;
    c: number | null;
  }[];
  return rows.map((r) => ({ id: r.id, decided: r.c !== null }));
}
