import { nowIso } from '../../clock.js';
import { fromJson, toJson } from '../index.js';
import type { PgClient, Queryable } from './connect.js';
import type { SegmentedDoc } from '../../pipeline/types.js';

// Storage of distributed batch runs (tapat audit --enqueue, tapat worker). A run is found again by the hash of
// its inputs and options, as on SQLite (db/batch.ts). The enqueuing command records the inputs in input order;
// workers commit items (documents with their batch_items row), the one grouping job stores the stories
// (batch_plans), workers commit stories (batch_stories). Whatever commits the last piece of a phase moves
// the run on, under the run's row lock, so exactly one commit does it.

export type Phase = 'reading' | 'grouping' | 'auditing' | 'done';

export interface DistributedRun {
  id: number;
  status: 'running' | 'done' | 'failed';
  phase: Phase;
  options: RunOptions;
  /** this command made the run (false: the same batch was enqueued before) */
  created: boolean;
}

/** What every worker must apply alike, fixed when the batch is enqueued. */
export interface RunOptions {
  inputs: string[];
  maxFileBytes: number;
  thresholds: Record<string, Record<string, number>>;
  /** seconds a job may stay active before the queue gives it to another worker */
  jobTimeout: number;
}

export interface InputRow {
  ord: number;
  key: string;
  /** inputs.ts Item, as JSON */
  item: string;
}

interface RunRow {
  id: number;
  status: DistributedRun['status'];
  phase: Phase;
  options: string;
}

/** The unfinished distributed run with this key, or a new one in phase 'reading'. */
export async function findOrCreateRun(c: PgClient, key: string, options: RunOptions): Promise<DistributedRun> {
  // one enqueuing command at a time per key: two at once would otherwise both create the run
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  const open = await c.query<RunRow>(
    `SELECT id, status, phase, options FROM batch_runs WHERE key = $1 AND phase IS NOT NULL AND status <> 'done' ORDER BY id DESC LIMIT 1`,
    [key],
  );
  if (open.rows.length) {
    const r = open.rows[0]!;
    return {
      id: r.id,
      status: r.status,
      phase: r.phase,
      options: fromJson<RunOptions>(r.options, options),
      created: false,
    };
  }
  const id = (
    await c.query<{ id: number }>(
      `INSERT INTO batch_runs (key, status, phase, options, stats, started_at) VALUES ($1, 'running', 'reading', $2, '{}', $3) RETURNING id`,
      [key, toJson(options), nowIso()],
    )
  ).rows[0]!.id;
  return { id, status: 'running', phase: 'reading', options, created: true };
}

export async function addInputs(c: PgClient, runId: number, rows: InputRow[]): Promise<void> {
  if (!rows.length) return;
  await c.query(
    'INSERT INTO batch_inputs (run_id, ord, item_key, item) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING',
    [runId, rows.map((r) => r.ord), rows.map((r) => r.key), rows.map((r) => r.item)],
  );
}

/**
 * The run's row, locked until the transaction ends: commits that may end a phase take it last. NO KEY UPDATE, not
 * UPDATE: the commit's own rows hold a key-share lock on the run (their foreign key), as do other workers' commits,
 * and UPDATE would wait on those while they wait on it (a deadlock, seen with three workers).
 */
export async function lockRun(c: PgClient, runId: number): Promise<DistributedRun> {
  const r = (
    await c.query<RunRow>('SELECT id, status, phase, options FROM batch_runs WHERE id = $1 FOR NO KEY UPDATE', [runId])
  ).rows[0];
  if (!r) throw new Error(`batch run ${runId} is missing`);
  return {
    id: r.id,
    status: r.status,
    phase: r.phase,
    options: fromJson<RunOptions>(r.options, {} as RunOptions),
    created: false,
  };
}

export async function getRun(q: Queryable, runId: number): Promise<DistributedRun | null> {
  const r = (await q.query<RunRow>('SELECT id, status, phase, options FROM batch_runs WHERE id = $1', [runId])).rows[0];
  return r
    ? {
        id: r.id,
        status: r.status,
        phase: r.phase,
        options: fromJson<RunOptions>(r.options, {} as RunOptions),
        created: false,
      }
    : null;
}

export async function setPhase(c: PgClient, runId: number, phase: Phase): Promise<void> {
  await c.query('UPDATE batch_runs SET phase = $2 WHERE id = $1', [runId, phase]);
}

/** Inputs with ord in [from, to) not committed yet, in order. */
export async function pendingInputs(q: Queryable, runId: number, from: number, to: number): Promise<InputRow[]> {
  return (
    await q.query<InputRow>(
      `SELECT i.ord, i.item_key AS key, i.item FROM batch_inputs i
       WHERE i.run_id = $1 AND i.ord >= $2 AND i.ord < $3
         AND NOT EXISTS (SELECT 1 FROM batch_items b WHERE b.run_id = i.run_id AND b.item_key = i.item_key)
       ORDER BY i.ord`,
      [runId, from, to],
    )
  ).rows;
}

/** Starts (ord / size × size) of the chunks of `size` inputs that still hold an uncommitted input. */
export async function pendingInputChunks(q: Queryable, runId: number, size: number): Promise<number[]> {
  const r = await q.query<{ start: number }>(
    `SELECT DISTINCT (i.ord / $2) * $2 AS start FROM batch_inputs i
     WHERE i.run_id = $1 AND NOT EXISTS (SELECT 1 FROM batch_items b WHERE b.run_id = i.run_id AND b.item_key = i.item_key) ORDER BY start`,
    [runId, size],
  );
  return r.rows.map((x) => x.start);
}

/** The same for the run's stories not committed yet. */
export async function pendingPlanChunks(q: Queryable, runId: number, size: number): Promise<number[]> {
  const r = await q.query<{ start: number }>(
    `SELECT DISTINCT (p.ord / $2) * $2 AS start FROM batch_plans p
     WHERE p.run_id = $1 AND NOT EXISTS (SELECT 1 FROM batch_stories s WHERE s.run_id = p.run_id AND s.story_key = p.story_key) ORDER BY start`,
    [runId, size],
  );
  return r.rows.map((x) => x.start);
}

export async function countPendingInputs(q: Queryable, runId: number): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM batch_inputs i
     WHERE i.run_id = $1 AND NOT EXISTS (SELECT 1 FROM batch_items b WHERE b.run_id = i.run_id AND b.item_key = i.item_key)`,
    [runId],
  );
  return r.rows[0]!.n;
}

/** Call inside the transaction that stores the item's document. A retried item already recorded is left as it is. */
export async function recordItemPg(
  c: PgClient,
  runId: number,
  key: string,
  ord: number,
  documentId: number | null,
  refusal: string | null,
): Promise<boolean> {
  const r = await c.query(
    'INSERT INTO batch_items (run_id, item_key, status, document_id, message, ord) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
    [runId, key, refusal === null ? 'done' : 'refused', documentId, refusal, ord],
  );
  return (r.rowCount ?? 0) > 0;
}

/** Call inside the transaction that created the document: its features, and which input of which run stored it. */
export async function storeFeatures(
  c: PgClient,
  documentId: number,
  features: Buffer,
  runId: number,
  ord: number,
): Promise<void> {
  await c.query(
    'INSERT INTO document_features (document_id, features, run_id, ord) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
    [documentId, features, runId, ord],
  );
}

/**
 * A text this run stored from a later input than `ord` takes this input's description (path, url, title,
 * format, encoding): the document is described by its first copy in input order, whichever worker came first.
 */
export async function preferEarlierCopy(
  c: PgClient,
  documentId: number,
  runId: number,
  ord: number,
  doc: SegmentedDoc,
): Promise<void> {
  await c.query(
    `WITH moved AS (UPDATE document_features SET ord = $3 WHERE document_id = $1 AND run_id = $2 AND ord > $3 RETURNING document_id)
     UPDATE documents SET path = $4, url = $5, title = $6, format = $7, encoding = $8 WHERE id IN (SELECT document_id FROM moved)`,
    [documentId, runId, ord, doc.path, doc.url, doc.title, doc.format, doc.encoding],
  );
}

/** A document's story candidate keys (32-bit hashes), stored with it. */
export async function storeKeys(c: PgClient, documentId: number, keys: Iterable<number>): Promise<void> {
  await c.query(
    'INSERT INTO document_keys (key, document_id) SELECT DISTINCT k, $1::bigint FROM unnest($2::int[]) AS k ON CONFLICT DO NOTHING',
    [documentId, Array.from(keys, (k) => k | 0)],
  );
}

export interface CandidatePair {
  a: number;
  b: number;
  shared: number;
}

/**
 * Pairs of the run's documents that share at least `minShared` keys each held by at most `maxDf` documents of
 * the whole database (a key in many documents is a topic, not a story): matched by the database on its key index.
 */
export async function candidatePairs(
  q: Queryable,
  runId: number,
  maxDf: number,
  minShared: number,
): Promise<CandidatePair[]> {
  const r = await q.query<CandidatePair>(
    `WITH run_docs AS (SELECT DISTINCT document_id FROM batch_items WHERE run_id = $1 AND document_id IS NOT NULL),
          run_keys AS (SELECT k.key, k.document_id FROM document_keys k JOIN run_docs USING (document_id)),
          rare AS (SELECT r.key FROM (SELECT DISTINCT key FROM run_keys) r
                   WHERE (SELECT COUNT(*) FROM document_keys d WHERE d.key = r.key) BETWEEN 2 AND $2)
     SELECT a.document_id AS a, b.document_id AS b, COUNT(*)::int AS shared
     FROM run_keys a JOIN run_keys b ON b.key = a.key AND a.document_id < b.document_id
     WHERE a.key IN (SELECT key FROM rare)
     GROUP BY a.document_id, b.document_id HAVING COUNT(*) >= $3`,
    [runId, maxDf, minShared],
  );
  return r.rows;
}

/** The run's distinct documents in input order (first appearance), as SQLite's runDocumentIds. */
export async function runDocumentIdsPg(q: Queryable, runId: number): Promise<number[]> {
  const r = await q.query<{ document_id: number }>(
    'SELECT document_id FROM batch_items WHERE run_id = $1 AND document_id IS NOT NULL GROUP BY document_id ORDER BY MIN(ord)',
    [runId],
  );
  return r.rows.map((x) => x.document_id);
}

export async function featuresOfDocs(q: Queryable, ids: number[]): Promise<Map<number, Buffer>> {
  const r = await q.query<{ document_id: number; features: Buffer }>(
    'SELECT document_id, features FROM document_features WHERE document_id = ANY($1::bigint[])',
    [ids],
  );
  return new Map(r.rows.map((x) => [x.document_id, x.features]));
}

export interface PlanRow {
  ord: number;
  key: string;
  documentIds: number[];
}

export async function storePlans(c: PgClient, runId: number, plans: PlanRow[]): Promise<void> {
  for (let i = 0; i < plans.length; i += 1000) {
    const part = plans.slice(i, i + 1000);
    // bigint[][] cannot be ragged: each story's ids travel as one text literal
    await c.query(
      'INSERT INTO batch_plans (run_id, ord, story_key, document_ids) SELECT $1, o, k, d::bigint[] FROM unnest($2::int[], $3::text[], $4::text[]) AS t(o, k, d) ON CONFLICT DO NOTHING',
      [runId, part.map((p) => p.ord), part.map((p) => p.key), part.map((p) => `{${p.documentIds.join(',')}}`)],
    );
  }
}

/** Stories with ord in [from, to) the run has not committed yet, in order. */
export async function pendingPlans(q: Queryable, runId: number, from: number, to: number): Promise<PlanRow[]> {
  const r = await q.query<{ ord: number; story_key: string; document_ids: number[] }>(
    `SELECT p.ord, p.story_key, p.document_ids FROM batch_plans p
     WHERE p.run_id = $1 AND p.ord >= $2 AND p.ord < $3
       AND NOT EXISTS (SELECT 1 FROM batch_stories s WHERE s.run_id = p.run_id AND s.story_key = p.story_key)
     ORDER BY p.ord`,
    [runId, from, to],
  );
  return r.rows.map((x) => ({ ord: x.ord, key: x.story_key, documentIds: x.document_ids.map(Number) }));
}

export async function countPendingPlans(q: Queryable, runId: number): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM batch_plans p
     WHERE p.run_id = $1 AND NOT EXISTS (SELECT 1 FROM batch_stories s WHERE s.run_id = p.run_id AND s.story_key = p.story_key)`,
    [runId],
  );
  return r.rows[0]!.n;
}

/** Marks the run done, with its figures (documents, refused items, stories) as the in-process run records them. */
export async function finishRunPg(c: PgClient, runId: number): Promise<void> {
  await c.query(
    `UPDATE batch_runs SET status = 'done', phase = 'done', finished_at = $2, stats = json_build_object(
       'documents', (SELECT COUNT(DISTINCT document_id) FROM batch_items WHERE run_id = $1),
       'refused', (SELECT COUNT(*) FROM batch_items WHERE run_id = $1 AND status = 'refused'),
       'stories', (SELECT COUNT(*) FROM batch_stories WHERE run_id = $1))::text
     WHERE id = $1`,
    [runId, nowIso()],
  );
}

export interface DistributedProgress {
  id: number;
  status: DistributedRun['status'];
  phase: Phase;
  inputs: number;
  items: number;
  refused: number;
  stories: number;
  audited: number;
}

/** The newest distributed run's id, or null. */
export async function latestDistributedRun(q: Queryable): Promise<number | null> {
  const r = await q.query<{ id: number }>('SELECT id FROM batch_runs WHERE phase IS NOT NULL ORDER BY id DESC LIMIT 1');
  return r.rows[0]?.id ?? null;
}

/** How far a distributed run got: for the CLI's progress line. */
export async function runProgressPg(q: Queryable, runId: number): Promise<DistributedProgress | null> {
  const r = await q.query<DistributedProgress>(
    `SELECT r.id, r.status, r.phase,
       (SELECT COUNT(*)::int FROM batch_inputs i WHERE i.run_id = r.id) AS inputs,
       (SELECT COUNT(*)::int FROM batch_items i WHERE i.run_id = r.id AND i.ord % 4096 = 0) AS items,
       (SELECT COUNT(*)::int FROM batch_items i WHERE i.run_id = r.id AND i.status = 'refused') AS refused,
       (SELECT COUNT(*)::int FROM batch_plans p WHERE p.run_id = r.id) AS stories,
       (SELECT COUNT(*)::int FROM batch_stories s WHERE s.run_id = r.id) AS audited
     FROM batch_runs r WHERE r.id = $1`,
    [runId],
  );
  return r.rows[0] ?? null;
}
