import { stmt } from './stmt.js';
import type { Db } from './index.js';
import { fromJson, tx } from './index.js';
import { nowIso } from '../clock.js';
import type { Lang, Role, Severity } from '../core/types.js';

export interface AuditRow {
  id: number;
  name: string;
  pivot_document_id: number | null;
  created_at: string;
  updated_at: string;
  /** the batch's key for the story (its documents); null for an audit made otherwise */
  story_key: string | null;
}
export interface AuditVersion {
  document_id: number;
  role: Role;
}

/** Creates an audit (a story) with its versions. Call inside tx(). */
export function createAudit(db: Db, name: string, versions: AuditVersion[], pivotDocumentId: number | null): number {
  const now = nowIso();
  const id = Number(
    stmt(db, 'INSERT INTO audits (name, pivot_document_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      name,
      pivotDocumentId,
      now,
      now,
    ).lastInsertRowid,
  );
  const ins = stmt(db, 'INSERT INTO audit_versions (audit_id, document_id, role) VALUES (?, ?, ?)');
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

export function auditExists(db: Db, id: number): boolean {
  return stmt(db, 'SELECT 1 FROM audits WHERE id = ?').get(id) !== undefined;
}

/**
 * Deletes an audit in one transaction: its versions, alignments, flags and their verdicts go with it
 * (foreign-key cascades); the documents stay, other audits may use them. False when there was no such audit.
 */
export function deleteAudit(db: Db, id: number): boolean {
  return tx(db, () => stmt(db, 'DELETE FROM audits WHERE id = ?').run(id).changes) > 0;
}

export function listAudits(db: Db): AuditRow[] {
  return db.prepare('SELECT * FROM audits ORDER BY id').all() as AuditRow[];
}

/**
 * The audit of a story found by its key (the story's documents), created if new; versions and pivot are
 * brought up to date. Call inside tx().
 */
export function upsertStoryAudit(
  db: Db,
  storyKey: string,
  name: string,
  versions: AuditVersion[],
  pivotDocumentId: number | null,
): { id: number; created: boolean } {
  const existing = stmt(db, 'SELECT id FROM audits WHERE story_key = ?').pluck().get(storyKey) as number | undefined;
  if (existing === undefined) {
    const id = createAudit(db, name, versions, pivotDocumentId);
    stmt(db, 'UPDATE audits SET story_key = ? WHERE id = ?').run(storyKey, id);
    return { id, created: true };
  }
  const upd = stmt(db, 'UPDATE audit_versions SET role = ? WHERE audit_id = ? AND document_id = ? AND role != ?');
  let changed = 0;
  for (const v of versions) changed += upd.run(v.role, existing, v.document_id, v.role).changes;
  changed += stmt(db, 'UPDATE audits SET pivot_document_id = ? WHERE id = ? AND pivot_document_id IS NOT ?').run(
    pivotDocumentId,
    existing,
    pivotDocumentId,
  ).changes;
  if (changed) stmt(db, 'UPDATE audits SET updated_at = ? WHERE id = ?').run(nowIso(), existing);
  return { id: existing, created: false };
}

export interface StoredFlag {
  id: number;
  document_id: number;
  other_document_id: number | null;
  path: string;
  detector: string;
  category: string;
  severity: Severity;
  confidence: number;
  segments: number[];
  other_segments: number[];
  start: number | null;
  end: number | null;
  /** the flag's span in the other document of a pair */
  other_start: number | null;
  other_end: number | null;
  message: string;
  evidence: Record<string, unknown>;
  suggestion: string | null;
  version: number;
}

/** The audit's active flags in id order, with the path of the flagged document. */
export function activeFlags(db: Db, auditId: number): StoredFlag[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.document_id, f.other_document_id, d.path, f.detector, f.category, f.severity, f.confidence,
              f.segments, f.other_segments, f.start, f.end, f.other_start, f.other_end, f.message, f.evidence, f.suggestion, f.version
       FROM flags f JOIN documents d ON d.id = f.document_id
       WHERE f.audit_id = ? AND f.status = 'active' ORDER BY f.id`,
    )
    .all(auditId) as (Omit<StoredFlag, 'segments' | 'other_segments' | 'evidence'> & {
    segments: string;
    other_segments: string;
    evidence: string;
  })[];
  return rows.map((r) => ({
    ...r,
    segments: fromJson<number[]>(r.segments, []),
    other_segments: fromJson<number[]>(r.other_segments, []),
    evidence: fromJson<Record<string, unknown>>(r.evidence, {}),
  }));
}

export interface VersionDetail extends AuditVersion {
  path: string;
  lang: Lang;
}
export function auditVersionDetails(db: Db, auditId: number): VersionDetail[] {
  return db
    .prepare(
      `SELECT v.document_id, v.role, d.path, d.lang FROM audit_versions v JOIN documents d ON d.id = v.document_id
       WHERE v.audit_id = ? ORDER BY v.document_id`,
    )
    .all(auditId) as VersionDetail[];
}

export interface CurrentVerdict {
  id: number;
  flag_id: number;
  action: 'approve' | 'reject' | 'correct';
  text: string | null;
}

/**
 * The current verdict of each flag of an audit: its latest verdict that is not an undo and has not been
 * undone (verdicts are append-only; an 'undo' row names the verdict it undoes).
 */
export function currentVerdicts(db: Db, auditId: number): Map<number, CurrentVerdict> {
  const rows = db
    .prepare(
      `SELECT v.id, v.flag_id, v.action, v.text FROM verdicts v JOIN flags f ON f.id = v.flag_id
       WHERE f.audit_id = ? AND v.action != 'undo'
         AND NOT EXISTS (SELECT 1 FROM verdicts u WHERE u.undoes = v.id AND u.action = 'undo')
       ORDER BY v.flag_id, v.id`,
    )
    .all(auditId) as CurrentVerdict[];
  const out = new Map<number, CurrentVerdict>();
  for (const r of rows) out.set(r.flag_id, r); // later rows overwrite: the latest wins
  return out;
}
