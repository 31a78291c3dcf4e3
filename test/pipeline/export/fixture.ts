import type { Db } from '../../../server/db/index.js';
import { getAudit } from '../../../server/db/audits.js';
import { addReviewer } from '../../../server/db/reviewers.js';

// Scripted review of stored audits: flags placed on known spans and verdicts appended, written with
// plain SQL into the real tables (independent of which detectors have fired).

export class Review {
  private reviewer: number;
  private n = 0;
  constructor(private db: Db) {
    this.reviewer = addReviewer(db, `scripted-${Date.now()}-${Math.random()}`).reviewer.id;
  }

  /** A flag on [start, end) of a document of the audit, over the segments it touches. */
  flag(
    auditId: number,
    documentId: number,
    start: number,
    end: number,
    o: { suggestion?: string; message?: string; segments?: number[] } = {},
  ): number {
    const segs =
      o.segments ??
      (this.db
        .prepare('SELECT idx FROM segments WHERE document_id = ? AND start < ? AND end > ? ORDER BY idx')
        .pluck()
        .all(documentId, Math.max(end, start + 1), start) as number[]);
    const info = this.db
      .prepare(
        `INSERT INTO flags (audit_id, document_id, detector, category, severity, confidence, segments, start, end, message,
                            suggestion, fingerprint, created_at, updated_at)
         VALUES (?, ?, 'scripted', 'accuracy/mistranslation', 'major', 0.9, ?, ?, ?, ?, ?, ?, 'T', 'T')`,
      )
      .run(
        auditId,
        documentId,
        JSON.stringify(segs),
        start,
        end,
        o.message ?? 'scripted flag',
        o.suggestion ?? null,
        `scripted-${++this.n}`,
      );
    return Number(info.lastInsertRowid);
  }

  verdict(flagId: number, action: 'approve' | 'reject' | 'correct', text: string | null = null): number {
    return Number(
      this.db
        .prepare(
          "INSERT INTO verdicts (flag_id, action, text, reviewer_id, flag_version, created_at) VALUES (?, ?, ?, ?, 1, 'T')",
        )
        .run(flagId, action, text, this.reviewer).lastInsertRowid,
    );
  }

  undo(flagId: number, verdictId: number): void {
    this.db
      .prepare(
        "INSERT INTO verdicts (flag_id, action, reviewer_id, flag_version, undoes, created_at) VALUES (?, 'undo', ?, 1, ?, 'T')",
      )
      .run(flagId, this.reviewer, verdictId);
  }
}

/** The audit whose versions include the document at this path suffix. */
export function auditOf(db: Db, pathSuffix: string): { auditId: number; documentId: number } {
  const row = db
    .prepare(
      'SELECT v.audit_id, v.document_id FROM audit_versions v JOIN documents d ON d.id = v.document_id WHERE d.path LIKE ?',
    )
    .get(`%${pathSuffix}`) as { audit_id: number; document_id: number };
  if (!getAudit(db, row.audit_id)) throw new Error('no audit');
  return { auditId: row.audit_id, documentId: row.document_id };
}
