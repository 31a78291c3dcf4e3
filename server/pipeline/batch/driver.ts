import { createHash } from 'node:crypto';
import type { Db } from '../../db/index.js';
import { tx } from '../../db/index.js';
import { storeDocument } from '../../db/documents.js';
import {
  committedItems,
  finishRun,
  recordItem,
  runDocumentIds,
  runRefusals,
  startRun,
  storyAudit,
  type Refusal,
} from '../../db/batch.js';
import type { Config } from '../../config.js';
import { InputError, errorMessage } from '../../errors.js';
import { ingestFile } from '../ingest/index.js';
import { segmentDoc } from '../segment/index.js';
import type { IngestedDoc, SegmentedDoc } from '../types.js';
import { discoverStories } from '../group/index.js';
import { batchItems, checkInputs, expandFiles, inputsKey, recordDoc, type Item } from './inputs.js';
import { StoryPool } from './pool.js';
import { commitStory, DocCache, prepareStory, type StoryWork } from './story.js';
import type { StoryAnalysis } from './analyse.js';
import { Progress } from './progress.js';
import { createLlm, type LlmClient } from '../../llm/client.js';
import { embedTexts } from '../../llm/embeddings.js';
import { judgeStoryContext } from '../../llm/judge-story.js';
import type { LlmStats } from '../../llm/stats.js';

// The batch driver. Phase 1 streams the inputs: each item (file or JSONL record) is ingested, segmented
// and committed with its batch_items row in one transaction. Phase 2 groups the run's documents into
// stories and analyses them in the worker pool; each story is committed whole (audit, alignments,
// flags, batch_stories row) in input order. A re-run with the same inputs resumes the unfinished run:
// committed items and stories are skipped, so nothing is repeated or duplicated, even after kill -9.

export interface BatchOptions {
  workers: number;
  progress: Progress;
  /** Called after each story is committed in this invocation (e.g. to print its flags). */
  onStory?: (auditId: number) => void;
  /** Refused items are reported here as they happen (always, even when progress is quiet). */
  onRefusal?: (r: Refusal) => void;
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

/** Embeddings of every version's sentences (cached by text and model); nulls where the endpoint failed. */
async function embedVersions(db: Db, cfg: Config, llm: LlmClient, work: StoryWork): Promise<void> {
  work.job.embeddings = await Promise.all(
    work.job.versions.map((v) => embedTexts(db, cfg, v.doc.segments.map((s) => s.text), { client: llm })),
  );
}

/** The judge over a story's pairs after offline detection: adds llm-mqm findings, adjusts confidences. */
async function judge(db: Db, cfg: Config, llm: LlmClient, work: StoryWork, analysis: StoryAnalysis): Promise<StoryAnalysis> {
  const versions = work.job.versions.map((v, i) => ({ ...v, role: analysis.roles[i]! }));
  const ctx = { versions, pivot: analysis.pivot, alignments: analysis.alignments, thresholds: {} };
  const { placed } = await judgeStoryContext(db, cfg, ctx, analysis.findings, { client: llm });
  return { ...analysis, findings: placed };
}

function runKey(cfg: Config, paths: string[]): string {
  return createHash('sha256')
    .update(JSON.stringify({ inputs: inputsKey(paths), maxFileBytes: cfg.limits.maxFileBytes }))
    .digest('hex');
}

function ingestItem(item: Item, cfg: Config): IngestedDoc[] {
  return item.kind === 'file' ? ingestFile(item.path, { maxBytes: cfg.limits.maxFileBytes }) : [recordDoc(item)];
}

// Phase 1 commits items in chunks: one transaction per item cost more than storing the item. An item (its
// documents with its batch_items row, or its refusal) is still committed whole or not at all, in input order.
const CHUNK_ITEMS = 64;
const CHUNK_CHARS = 4_000_000;
/** Documents kept in memory between grouping and analysis, in characters of text. */
const CACHED_CHARS = 16_000_000;

type ReadItem = { key: string; docs: SegmentedDoc[] } | { key: string; refusal: Refusal };

/** Phase 1: reads, segments and stores every item not yet committed in this run. */
async function readInputs(db: Db, cfg: Config, paths: string[], runId: number, progress: Progress, onRefusal?: (r: Refusal) => void): Promise<void> {
  const done = committedItems(db, runId);
  const files = [...expandFiles(paths)];
  progress.phase('reading', files.length, 'files');
  let chunk: ReadItem[] = [];
  let chars = 0;
  const flush = (): void => {
    tx(db, () => {
      for (const it of chunk) {
        if ('refusal' in it) recordItem(db, runId, it.key, null, it.refusal.message);
        else it.docs.forEach((d, i) => recordItem(db, runId, i === 0 ? it.key : `${it.key}#${i + 1}`, storeDocument(db, d).id, null));
      }
    });
    for (const it of chunk) {
      if ('refusal' in it) onRefusal?.(it.refusal);
      else progress.tick(0, it.docs.reduce((n, d) => n + d.segments.length, 0));
    }
    chunk = [];
    chars = 0;
  };
  let lastPath = '';
  for await (const item of batchItems(paths, cfg.limits.maxFileBytes)) {
    if (item.path !== lastPath) {
      if (lastPath) progress.tick(1, 0);
      lastPath = item.path;
    }
    if (done.has(item.key)) continue;
    let docs: IngestedDoc[];
    try {
      docs = ingestItem(item, cfg);
      if (!docs.length) throw new InputError('no documents in it', item.path);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      chunk.push({ key: item.key, refusal: { item: item.key, message: e.message } });
      continue;
    }
    const segmented = docs.map(segmentDoc);
    chunk.push({ key: item.key, docs: segmented });
    chars += segmented.reduce((n, d) => n + d.text.length, 0);
    if (chunk.length >= CHUNK_ITEMS || chars >= CHUNK_CHARS) flush();
  }
  if (chunk.length) flush();
  if (lastPath) progress.tick(1, 0);
  progress.end();
}

export async function runBatch(db: Db, cfg: Config, paths: string[], opts: BatchOptions): Promise<BatchSummary> {
  checkInputs(paths, cfg.limits.maxFileBytes, cfg.limits.maxFilesPerBatch);
  const run = startRun(db, runKey(cfg, paths), { inputs: inputsKey(paths) });
  const progress = opts.progress;
  // The story workers start first: each loads its data (warm.ts) while this thread reads and groups.
  const pool = new StoryPool(opts.workers);
  // The model layer is optional: null when unconfigured; when the endpoint fails, calls answer nothing and
  // the run completes with offline results (the counters say what was skipped).
  const llm = createLlm(db, cfg);
  const audits: number[] = [];
  let sentences = 0;
  let ids: number[] = [];
  try {
    await readInputs(db, cfg, paths, run.id, progress, opts.onRefusal);

    // Phase 2: group, analyse, store.
    ids = runDocumentIds(db, run.id);
    const docs = new DocCache(db, CACHED_CHARS);
    const plans = discoverStories(ids, (id) => docs.load(id));
    progress.phase('auditing', ids.length, 'documents');
    // Stories are dispatched ahead so that no worker waits while this thread commits the story at the head
    // (a long story at the head holds the commits back, not the workers).
    const window = Math.max(2, opts.workers * 16);
    const inFlight: { work: StoryWork; result: Promise<StoryAnalysis> }[] = [];
    const commitHead = async (): Promise<void> => {
      const head = inFlight.shift()!;
      let analysis = await head.result;
      if (llm?.settings.chatModel) analysis = await judge(db, cfg, llm, head.work, analysis);
      const auditId = commitStory(db, head.work, analysis, run.id);
      audits.push(auditId);
      const n = head.work.job.versions.reduce((s, v) => s + v.doc.segments.length, 0);
      sentences += n;
      progress.tick(head.work.plan.documentIds.length, n);
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
        const work = prepareStory(db, plan, cfg.thresholds, (id) => docs.take(id));
        if (llm?.settings.embedModel) await embedVersions(db, cfg, llm, work);
        const result = pool.run(work.job);
        result.catch(() => {}); // awaited in order by commitHead; this only silences the early-rejection warning
        inFlight.push({ work, result });
        while (inFlight.length >= window) await commitHead();
      }
      while (inFlight.length) await commitHead();
    } catch (e) {
      finishRun(db, run.id, 'failed', { error: errorMessage(e) });
      throw e;
    }
  } finally {
    await pool.close();
    progress.end();
  }
  const refused = runRefusals(db, run.id);
  const summary = { runId: run.id, resumed: run.resumed, documents: ids.length, refused, audits, sentences, llm: llm ? llm.stats : null };
  finishRun(db, run.id, 'done', { documents: ids.length, refused: refused.length, stories: audits.length });
  return summary;
}
