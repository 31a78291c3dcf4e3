import { createHash } from 'node:crypto';
import type { Db } from '../../db/index.js';
import { tx } from '../../db/index.js';
import { storeDocument } from '../../db/documents.js';
import {
  committedItems,
  finishRun,
  recordItem,
  releaseRun,
  runDocumentIds,
  runRefusals,
  startRun,
  storyAudit,
  type BatchRun,
  type Refusal,
} from '../../db/batch.js';
import type { Config } from '../../config.js';
import { errorMessage } from '../../errors.js';
import { storiesOfMeanwhile } from '../group/index.js';
import { featuresOf, sequenceTexts, type DocFeatures } from '../group/features.js';
import { batchItems, checkInputs, expandFiles, inputsKey } from './inputs.js';
import { BatchPool } from './pool.js';
import type { PreparedItem } from './prepare.js';
import { loadSegmentedDoc, type StoryWork } from './story.js';
import type { StoryAnalysis } from './analyse.js';
import type { Progress } from './progress.js';
import { AuditService } from '../audit/service.js';
import type { ModelLayer } from '../audit/model.js';
import type { LlmStats } from '../../llm/stats.js';
import { catchUpSearch, deferSearch } from '../../db/search-index.js';

// The batch driver. Phase 1 streams the inputs: each item (file or JSONL record) is ingested, segmented and
// reduced to story-discovery features (prepare.ts, in the worker pool when it has several workers), then
// committed with its batch_items row in one transaction, in input order. Phase 2 groups the run's
// documents into stories and analyses them in the worker pool; each story is committed whole (audit,
// alignments, flags, batch_stories row, through the audit service) in input order. A re-run with the same inputs resumes the unfinished run:
// committed items and stories are skipped, so nothing is repeated or duplicated, even after kill -9.

export interface BatchOptions {
  /**
   * Worker threads for the pool, or a pool the caller started (the CLI starts its workers before it loads
   * the batch code, so both load at once). The run closes the pool when it ends, however it ends.
   */
  workers: number | BatchPool;
  progress: Progress;
  /** Called after each story is committed in this invocation (e.g. to print its flags). */
  onStory?: (auditId: number) => void;
  /** Refused items are reported here as they happen (always, even when progress is quiet). */
  onRefusal?: (r: Refusal) => void;
  /** Counted as commits happen, so a caller can say exactly what was kept when the run fails part-way. */
  committed?: Committed;
  /** The optional model layer (llm/model-layer.ts): embeddings before alignment, the judge after detection. */
  model?: ModelLayer | null;
}

/** What this invocation has committed so far (a run commits as it goes). */
export interface Committed {
  runId: number | null;
  /** documents stored (new or already known texts) and items refused, in phase 1 */
  documents: number;
  refused: number;
  /** stories stored (audit, alignments, flags), in phase 2 */
  stories: number;
}

export const noneCommitted = (): Committed => ({ runId: null, documents: 0, refused: 0, stories: 0 });

/** "this command saved 12 documents, 3 refused inputs, 4 stories (audits) before it stopped (…)", or that nothing was. */
export function committedText(c: Committed): string {
  if (!c.documents && !c.refused && !c.stories) return 'nothing from this command was saved';
  const parts = [`${c.documents} document${c.documents === 1 ? '' : 's'}`];
  if (c.refused) parts.push(`${c.refused} refused input${c.refused === 1 ? '' : 's'}`);
  parts.push(`${c.stories} stor${c.stories === 1 ? 'y' : 'ies'} (audits)`);
  return `this command saved ${parts.join(', ')} before it stopped (run ${c.runId}; the same command resumes after them)`;
}

export interface BatchSummary {
  runId: number;
  resumed: boolean;
  documents: number;
  refused: Refusal[];
  audits: number[];
  sentences: number;
  /** The optional model layer's counters for this invocation; null when it is not configured. */
  llm: LlmStats | null;
}

function runKey(cfg: Config, paths: string[]): string {
  return createHash('sha256')
    .update(JSON.stringify({ inputs: inputsKey(paths), maxFileBytes: cfg.limits.maxFileBytes }))
    .digest('hex');
}

// Phase 1 commits items in chunks: one transaction per item cost more than storing the item. An item (its
// documents with its batch_items row, or its refusal) is still committed whole or not at all, in input order.
const CHUNK_ITEMS = 64;
const CHUNK_CHARS = 4_000_000;
/** Items being prepared by the pool at once, per worker: bounds the memory of the read-ahead. */
const ITEMS_AHEAD = 16;

type ReadItem = { key: string; prepared: PreparedItem };

/**
 * Phase 1: every item not yet committed in this run is prepared (ingest, segment, features) by the pool,
 * a bounded number of items ahead, then stored in input order. Returns the story-discovery features of the
 * documents it stored (a resumed run's older documents are not among them).
 */
async function readInputs(
  db: Db,
  cfg: Config,
  paths: string[],
  runId: number,
  pool: BatchPool,
  progress: Progress,
  onRefusal?: (r: Refusal) => void,
  committed: Committed = noneCommitted(),
): Promise<Map<number, DocFeatures>> {
  const done = committedItems(db, runId);
  const files = [...expandFiles(paths)];
  const features = new Map<number, DocFeatures>();
  /** word sequences of documents a finishing worker prepared, being worked out by a reading worker (pool.ts) */
  const sequences: Promise<void>[] = [];
  progress.phase('reading', files.length, 'files');
  let chunk: ReadItem[] = [];
  let chars = 0;
  const flush = (): void => {
    tx(db, () => {
      for (const { key, prepared } of chunk) {
        if ('refusal' in prepared) {
          recordItem(db, runId, key, null, prepared.refusal);
          continue;
        }
        prepared.docs.forEach((p, i) => {
          const { id, created } = storeDocument(db, p.doc);
          recordItem(db, runId, i === 0 ? key : `${key}#${i + 1}`, id, null);
          // a text stored before (by another item) keeps the features of its first copy
          if (created) features.set(id, p.features);
          if (created && p.sequenceLeftOut) {
            const f = p.features;
            sequences.push(pool.sequence(sequenceTexts(p.doc)).then((s) => void (f.sequence = s)));
          }
        });
      }
    });
    for (const { key, prepared } of chunk) {
      if ('refusal' in prepared) {
        committed.refused++;
        onRefusal?.({ item: key, message: prepared.refusal });
      } else {
        committed.documents += prepared.docs.length;
        progress.tick(
          0,
          prepared.docs.reduce((n, p) => n + p.doc.segments.length, 0),
        );
      }
    }
    chunk = [];
    chars = 0;
  };
  const queued: { key: string; result: Promise<PreparedItem>; filesDone: number }[] = [];
  const takeHead = async (): Promise<void> => {
    const head = queued.shift()!;
    const prepared = await head.result;
    chunk.push({ key: head.key, prepared });
    if ('docs' in prepared) chars += prepared.docs.reduce((n, p) => n + p.doc.text.length, 0);
    if (chunk.length >= CHUNK_ITEMS || chars >= CHUNK_CHARS) flush();
    if (head.filesDone) progress.tick(head.filesDone, 0);
  };
  const fileDone = (): void => {
    const last = queued.at(-1);
    if (last) last.filesDone++;
    else progress.tick(1, 0);
  };
  const ahead = Math.max(4, pool.size * ITEMS_AHEAD);
  let lastPath = '';
  for await (const item of batchItems(paths, cfg.limits.maxFileBytes)) {
    if (item.path !== lastPath) {
      // the previous file is done once its last queued item is stored
      if (lastPath) fileDone();
      lastPath = item.path;
    }
    if (done.has(item.key)) continue;
    const result = pool.prepare({ item, maxBytes: cfg.limits.maxFileBytes });
    result.catch(() => {}); // awaited in order by takeHead; this only silences the early-rejection warning
    queued.push({ key: item.key, result, filesDone: 0 });
    while (queued.length >= ahead) await takeHead();
  }
  if (lastPath) fileDone();
  while (queued.length) await takeHead();
  if (chunk.length) flush();
  await Promise.all(sequences);
  progress.end();
  return features;
}

export async function runBatch(db: Db, cfg: Config, paths: string[], opts: BatchOptions): Promise<BatchSummary> {
  const pool = typeof opts.workers === 'number' ? new BatchPool(opts.workers) : opts.workers;
  try {
    return await runWith(db, cfg, paths, opts, pool);
  } finally {
    await pool.close();
  }
}

async function runWith(
  db: Db,
  cfg: Config,
  paths: string[],
  opts: BatchOptions,
  pool: BatchPool,
): Promise<BatchSummary> {
  checkInputs(paths, cfg.limits.maxFileBytes, cfg.limits.maxFilesPerBatch);
  const run = startRun(db, runKey(cfg, paths), { inputs: inputsKey(paths) });
  // the run's sentences and flags are indexed for search in bulk (db/search-index.ts): row by row, the
  // index cost the committing thread ~0.6 CPU-s per 13,000 sentences (bench:batch)
  deferSearch(db);
  try {
    return await runClaimed(db, cfg, paths, opts, pool, run);
  } finally {
    releaseRun(run.id);
    try {
      catchUpSearch(db);
    } catch {
      // a full or locked disk, like the run's own failure: the rows stay waiting, and the next open of the
      // database (any tapat command) indexes them
    }
  }
}

/** How long a running batch's stories may wait to be found by search (the queue lists them at once). */
const SEARCH_LAG_MS = 10_000;

async function runClaimed(
  db: Db,
  cfg: Config,
  paths: string[],
  opts: BatchOptions,
  pool: BatchPool,
  run: BatchRun,
): Promise<BatchSummary> {
  const committed = opts.committed ?? noneCommitted();
  committed.runId = run.id;
  const progress = opts.progress;
  // Workers load what analysis reads while they would otherwise wait: during the reading when this thread
  // prepares the items (pool.preparesHere), else while it groups. (Between items this thread serves other
  // work, such as the server's requests.)
  if (pool.preparesHere) pool.warm();
  // The model layer is optional: null when unconfigured; when the endpoint fails, calls answer nothing and
  // the run completes with offline results (the counters say what was skipped).
  const service = new AuditService(db, cfg, opts.model ?? null);
  const audits: number[] = [];
  let sentences = 0;
  let ids: number[] = [];
  try {
    const features = await readInputs(db, cfg, paths, run.id, pool, progress, opts.onRefusal, committed);

    // Phase 2: group, analyse, store.
    ids = runDocumentIds(db, run.id);
    // grouping needs every document at once: a phase of its own, so a long pause here is seen for what it is
    progress.phase('grouping', ids.length, 'documents');
    // a worker works out the cross-language matches while this thread groups within each language; then
    // the workers load what analysis reads (the one with the matches to do after them)
    const plans = await storiesOfMeanwhile(
      ids,
      (id) => features.get(id) ?? featuresOf(loadSegmentedDoc(db, id)),
      (docs) => {
        const pairs = pool.crossPairs(docs);
        if (!pool.preparesHere) pool.warm();
        return pairs;
      },
      undefined,
      // a finishing worker works out half of the similarities within each language (before its warm-up)
      pool.size >= 2 ? (docs, part) => pool.similarities(docs, part) : undefined,
    );
    features.clear();
    // the documents' sentences are searchable while their stories are audited
    catchUpSearch(db, true);
    let indexedAt = Date.now();
    progress.tick(ids.length, 0);
    progress.phase('auditing', ids.length, 'documents');
    // Stories are dispatched ahead so that no worker waits while this thread commits the story at the head
    // (a long story at the head holds the commits back, not the workers).
    const window = Math.max(2, pool.size * 64);
    const inFlight: { work: StoryWork; result: Promise<StoryAnalysis> }[] = [];
    const commitHead = async (): Promise<void> => {
      const head = inFlight.shift()!;
      const auditId = await service.commit(head.work, await head.result, run.id);
      committed.stories++;
      audits.push(auditId);
      const n = head.work.job.versions.reduce((s, v) => s + v.doc.segments.length, 0);
      sentences += n;
      progress.tick(head.work.plan.documentIds.length, n);
      if (Date.now() - indexedAt >= SEARCH_LAG_MS) {
        catchUpSearch(db, true);
        indexedAt = Date.now();
      }
      opts.onStory?.(auditId);
    };
    try {
      for (const plan of plans) {
        const already = storyAudit(db, run.id, plan.key);
        if (already !== undefined) {
          audits.push(already);
          progress.tick(plan.documentIds.length, 0);
          continue;
        }
        const work = service.prepare(plan);
        await service.enrich(work);
        const result = pool.analyse(work.job);
        result.catch(() => {}); // awaited in order by commitHead; this only silences the early-rejection warning
        inFlight.push({ work, result });
        while (inFlight.length >= window) await commitHead();
      }
      while (inFlight.length) await commitHead();
    } catch (e) {
      try {
        finishRun(db, run.id, 'failed', { error: errorMessage(e) });
      } catch {
        // the same full or locked disk: the run stays 'running' and resumes all the same
      }
      throw e;
    }
  } finally {
    progress.end();
  }
  const refused = runRefusals(db, run.id);
  const summary = {
    runId: run.id,
    resumed: run.resumed,
    documents: ids.length,
    refused,
    audits,
    sentences,
    llm: service.model ? service.model.stats : null,
  };
  finishRun(db, run.id, 'done', { documents: ids.length, refused: refused.length, stories: audits.length });
  return summary;
}
