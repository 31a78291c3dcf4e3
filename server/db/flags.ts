import { stmt } from './stmt.js';
import type { Db } from './index.js';
import { fromJson } from './index.js';
import { nowIso } from '../clock.js';
import {
  flagUnchanged,
  storedFlagRows,
  type FindingToStore,
  type FlagRow,
  type KnownText,
  type ReconcileResult,
} from './flag-rows.js';

// Flag storage with reconciliation: a re-run of detection on an audit meets the stored flags by fingerprint,
// so a reviewer's verdicts stay attached to "the same finding" even when offsets or scores shift.

export {
  flagFingerprint,
  type FindingToStore,
  type FlagRow,
  type KnownText,
  type ReconcileResult,
} from './flag-rows.js';

function textLoader(db: Db, known: ReadonlyMap<number, KnownText>) {
  const docs = new Map<number, string>();
  // cached statements: a batch reconciles a story's flags hundreds of times a second
  const getDoc = stmt(db, 'SELECT text FROM documents WHERE id = ?');
  const getSegs = stmt(db, 'SELECT idx, text FROM segments WHERE document_id = ? ORDER BY idx');
  const segs = new Map<number, Map<number, string>>();
  const doc = (id: number): string => {
    if (!docs.has(id))
      docs.set(id, known.get(id)?.text ?? (getDoc.get(id) as { text: string } | undefined)?.text ?? '');
    return docs.get(id)!;
  };
  const seg = (id: number, idx: number): string => {
    if (!segs.has(id)) {
      const k = known.get(id);
      segs.set(
        id,
        new Map(
          k
            ? k.segments.map((s) => [s.index, s.text])
            : (getSegs.all(id) as { idx: number; text: string }[]).map((r) => [r.idx, r.text]),
        ),
      );
    }
    return segs.get(id)!.get(idx) ?? '';
  };
  /** The flagged text: the span when there is one, else the sentences. */
  return (id: number | null, span: { start: number; end: number } | null, idxs: number[]): string => {
    if (id === null) return '';
    if (span) return doc(id).slice(span.start, span.end);
    return idxs.map((i) => seg(id, i)).join('\n');
  };
}

/**
 * Stores an audit's findings against what is stored: unchanged flags keep id, version and verdicts;
 * changed ones are updated with version + 1; flags that no longer fire become 'stale', never deleted;
 * a stale flag that fires again becomes active (version + 1). Call inside tx().
 */
export function reconcileFlags(
  db: Db,
  auditId: number,
  findings: FindingToStore[],
  /** the documents' texts as stored, by id, when the caller holds them: not read back */
  known: ReadonlyMap<number, KnownText> = new Map(),
): ReconcileResult {
  const text = textLoader(db, known);
  const now = nowIso();
  const rows = storedFlagRows(auditId, findings, text);

  const existing = stmt(db, 'SELECT * FROM flags WHERE audit_id = ?').all(auditId) as FlagRow[];
  const byKey = new Map(existing.map((r) => [`${r.document_id}:${r.fingerprint}`, r]));
  const insert = stmt(
    db,
    `INSERT INTO flags (audit_id, document_id, other_document_id, detector, category, severity, confidence, raw_score,
       segments, other_segments, start, end, other_start, other_end, message, evidence, suggestion, fingerprint,
       version, status, created_at, updated_at)
     VALUES (@audit_id, @document_id, @other_document_id, @detector, @category, @severity, @confidence, @raw_score,
       @segments, @other_segments, @start, @end, @other_start, @other_end, @message, @evidence, @suggestion, @fingerprint,
       1, 'active', @now, @now)`,
  );
  const update = stmt(
    db,
    `UPDATE flags SET other_document_id = @other_document_id, category = @category, severity = @severity,
       confidence = @confidence, raw_score = @raw_score, segments = @segments, other_segments = @other_segments,
       start = @start, end = @end, other_start = @other_start, other_end = @other_end, message = @message,
       evidence = @evidence, suggestion = @suggestion, status = 'active', version = version + 1, updated_at = @now
     WHERE id = @id`,
  );
  const stale = stmt(db, `UPDATE flags SET status = 'stale', version = version + 1, updated_at = ? WHERE id = ?`);

  const result: ReconcileResult = { inserted: 0, updated: 0, unchanged: 0, staled: 0 };
  const kept = new Set<number>();
  for (const r of rows) {
    const old = byKey.get(`${r.document_id}:${r.fingerprint}`);
    if (!old) {
      insert.run({ ...r, now });
      result.inserted++;
      continue;
    }
    kept.add(old.id);
    const same = flagUnchanged(old, r);
    if (same) result.unchanged++;
    else {
      update.run({ ...r, id: old.id, now });
      result.updated++;
    }
  }
  for (const old of existing) {
    if (!kept.has(old.id) && old.status === 'active') {
      stale.run(now, old.id);
      result.staled++;
    }
  }
  return result;
}

/** An audit's flags, optionally only those with one status, in document and position order. */
export function listAuditFlags(db: Db, auditId: number, status?: 'active' | 'stale'): FlagRow[] {
  const sql = `SELECT * FROM flags WHERE audit_id = ?${status ? ' AND status = ?' : ''} ORDER BY document_id, start, id`;
  return (status ? db.prepare(sql).all(auditId, status) : db.prepare(sql).all(auditId)) as FlagRow[];
}

/** The stored evidence of a flag, parsed. */
export const flagEvidence = (row: FlagRow): Record<string, unknown> => fromJson(row.evidence, {});

export function flagExists(db: Db, id: number): boolean {
  return stmt(db, 'SELECT 1 FROM flags WHERE id = ?').get(id) !== undefined;
}

/** An audit's active flags as stored, in id (insertion) order: the order `judge` re-places them in. */
export function activeFlagRowsById(db: Db, auditId: number): FlagRow[] {
  return stmt(db, "SELECT * FROM flags WHERE audit_id = ? AND status = 'active' ORDER BY id").all(auditId) as FlagRow[];
}
