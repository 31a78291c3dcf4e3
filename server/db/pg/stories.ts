import { toJson } from '../index.js';
import { nowIso } from '../../clock.js';
import type { FindingToStore, KnownText, ReconcileResult } from '../flags.js';
import type { Bead, Role } from '../../pipeline/types.js';
import type { PgClient } from './connect.js';
import { reconcileFlagsPg } from './flags.js';

// A story's commit on PostgreSQL, in the shape of batch/story.ts commitStory on SQLite: the audit (found again
// by its story key, roles and pivot brought up to date), its alignments to the pivot, its flags reconciled,
// and the run's record of the story, in the caller's one transaction. Two workers committing one story (a job
// retried while its first worker was only slow) meet on the audit's row lock: the second finds the story
// recorded and changes nothing.

export interface StoryCommit {
  runId: number | null;
  storyKey: string;
  name: string;
  versions: { documentId: number; role: Role; doc: KnownText }[];
  pivotDocumentId: number;
  /** each non-pivot version's beads, pivot (src) → it (tgt) */
  alignments: { tgtDocumentId: number; beads: Bead[] }[];
  method: string;
  findings: FindingToStore[];
}

async function upsertAudit(c: PgClient, s: StoryCommit): Promise<number> {
  const now = nowIso();
  const ins = await c.query<{ id: number }>(
    `INSERT INTO audits (name, pivot_document_id, created_at, updated_at, story_key) VALUES ($1, $2, $3, $3, $4)
     ON CONFLICT (story_key) WHERE story_key IS NOT NULL DO NOTHING RETURNING id`,
    [s.name, s.pivotDocumentId, now, s.storyKey],
  );
  if (ins.rows.length) {
    const id = ins.rows[0]!.id;
    await c.query(
      'INSERT INTO audit_versions (audit_id, document_id, role) SELECT $1, * FROM unnest($2::bigint[], $3::text[])',
      [id, s.versions.map((v) => v.documentId), s.versions.map((v) => v.role)],
    );
    return id;
  }
  const id = (await c.query<{ id: number }>('SELECT id FROM audits WHERE story_key = $1 FOR UPDATE', [s.storyKey]))
    .rows[0]!.id;
  let changed = 0;
  for (const v of s.versions) {
    changed +=
      (
        await c.query('UPDATE audit_versions SET role = $1 WHERE audit_id = $2 AND document_id = $3 AND role <> $1', [
          v.role,
          id,
          v.documentId,
        ])
      ).rowCount ?? 0;
  }
  changed +=
    (
      await c.query(
        'UPDATE audits SET pivot_document_id = $1 WHERE id = $2 AND pivot_document_id IS DISTINCT FROM $1',
        [s.pivotDocumentId, id],
      )
    ).rowCount ?? 0;
  if (changed) await c.query('UPDATE audits SET updated_at = $1 WHERE id = $2', [now, id]);
  return id;
}

async function storeAlignmentPg(
  c: PgClient,
  auditId: number,
  src: number,
  tgt: number,
  beads: Bead[],
  method: string,
): Promise<void> {
  await c.query('DELETE FROM alignments WHERE audit_id = $1 AND src_document_id = $2 AND tgt_document_id = $3', [
    auditId,
    src,
    tgt,
  ]);
  const id = (
    await c.query<{ id: number }>(
      'INSERT INTO alignments (audit_id, src_document_id, tgt_document_id, method, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [auditId, src, tgt, method, nowIso()],
    )
  ).rows[0]!.id;
  await c.query(
    'INSERT INTO beads (alignment_id, ord, src, tgt, score) SELECT $1, n - 1, s, t, sc FROM unnest($2::text[], $3::text[], $4::float8[]) WITH ORDINALITY AS b(s, t, sc, n)',
    [id, beads.map((b) => toJson(b.src)), beads.map((b) => toJson(b.tgt)), beads.map((b) => b.score)],
  );
}

/** Commits a story; returns its audit id and what reconciling did (null when the run had it already). */
export async function commitStoryPg(
  c: PgClient,
  s: StoryCommit,
): Promise<{ auditId: number; flags: ReconcileResult | null }> {
  const auditId = await upsertAudit(c, s);
  if (s.runId !== null) {
    const had = await c.query('SELECT 1 FROM batch_stories WHERE run_id = $1 AND story_key = $2', [
      s.runId,
      s.storyKey,
    ]);
    if (had.rows.length) return { auditId, flags: null };
  }
  for (const a of s.alignments)
    await storeAlignmentPg(c, auditId, s.pivotDocumentId, a.tgtDocumentId, a.beads, s.method);
  const flags = await reconcileFlagsPg(c, auditId, s.findings, new Map(s.versions.map((v) => [v.documentId, v.doc])));
  if (s.runId !== null)
    await c.query('INSERT INTO batch_stories (run_id, story_key, audit_id) VALUES ($1, $2, $3)', [
      s.runId,
      s.storyKey,
      auditId,
    ]);
  return { auditId, flags };
}
