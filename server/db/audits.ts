import type { Db } from './index.js';
import { nowIso } from '../clock.js';
import type { Role } from '../pipeline/types.js';

export interface AuditRow {
  id: number;
  name: string;
  pivot_document_id: number | null;
  created_at: string;
  updated_at: string;
}
export interface AuditVersion {
  document_id: number;
  role: Role;
}

/** Creates an audit (a story) with its versions. Call inside tx(). */
export function createAudit(db: Db, name: string, versions: AuditVersion[], pivotDocumentId: number | null): number {
  const now = nowIso();
  const id = Number(
    db.prepare('INSERT INTO audits (name, pivot_document_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, pivotDocumentId, now, now)
      .lastInsertRowid,
  );
  const ins = db.prepare('INSERT INTO audit_versions (audit_id, document_id, role) VALUES (?, ?, ?)');
  for (const v of versions) ins.run(id, v.document_id, v.role);
  return id;
}

export function getAudit(db: Db, id: number): (AuditRow & { versions: AuditVersion[] }) | undefined {
  const a = db.prepare('SELECT * FROM audits WHERE id = ?').get(id) as AuditRow | undefined;
  if (!a) return undefined;
  const versions = db
    .prepare('SELECT document_id, role FROM audit_versions WHERE audit_id = ? ORDER BY document_id')
    .all(id) as AuditVersion[];
  return { ...a, versions };
}

export function listAudits(db: Db): AuditRow[] {
  return db.prepare('SELECT * FROM audits ORDER BY id').all() as AuditRow[];
}
