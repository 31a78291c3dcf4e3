import { deserialize, serialize } from 'node:v8';
import type PgBoss from 'pg-boss';
import { pgTx, type PgPool } from '../../db/pg/connect.js';
import { loadSegmentedDocsPg, storeDocumentPg } from '../../db/pg/documents.js';
import { textHash } from '../../db/documents.js';
import { commitStoryPg } from '../../db/pg/stories.js';
import {
  countPendingInputs,
  countPendingPlans,
  candidatePairs,
  featuresOfDocs,
  finishRunPg,
  getRun,
  lockRun,
  pendingInputs,
  pendingPlans,
  preferEarlierCopy,
  recordItemPg,
  type InputRow,
  runDocumentIdsPg,
  setPhase,
  storeFeatures,
  storeKeys,
  storePlans,
} from '../../db/pg/batch.js';
import type { BatchPool } from '../batch/pool.js';
import type { Item } from '../batch/inputs.js';
import type { SegmentedDoc } from '../types.js';
import { ALIGN_METHOD } from '../batch/analyse.js';
import { storyName } from '../batch/story.js';
import { storiesOfMeanwhile } from '../group/index.js';
import { featuresOf, type DocFeatures } from '../group/features.js';
import { CANDIDATE_MAX_DF, CANDIDATE_MIN_SHARED, candidateComponents, storyKeys } from './candidates.js';
import { QUEUES, sendJob, type GroupJob, type RangeJob } from './queue.js';

// What a `tapat worker` does with each job. The pure phases are the in-process batch's own (prepare.ts,
// analyse.ts through the worker-thread pool); only storage differs. Every commit is idempotent, so a job run
// twice (its first worker killed, or only slow past the job timeout) stores nothing twice:
// - read: an item already in batch_items is skipped; a text already stored is the same document (sha256);
// - group: runs while the run is in phase 'grouping', and moves it on in the commit that stores the stories;
// - audit: a story already in batch_stories is skipped, and commits meet on the audit's row lock.
// What is global and what is per worker: preparing items and analysing stories is per worker (any worker,
// any order); documents (by text), the run's phase and its stories are global, in PostgreSQL; grouping needs
// every document's features at once, so it is one job of the run, on one worker, over features the workers
// stored (document_features).

/** Stories per audit job. */
export const AUDIT_CHUNK = 8;
/** A job's documents in one item: the batch_items order key leaves room for this many. */
const DOCS_PER_ITEM = 4096;

export interface JobContext {
  db: PgPool;
  boss: PgBoss;
  pool: BatchPool;
}

/** One document of an input item to store, or the item's refusal (doc null). */
interface Store {
  input: InputRow;
  refusal: string | null;
  /** the document's place in its item */
  i: number;
  doc: SegmentedDoc | null;
  features: DocFeatures | null;
  sha: string;
}

export async function readJob(ctx: JobContext, job: RangeJob): Promise<void> {
  const run = await getRun(ctx.db, job.runId);
  if (!run || run.phase !== 'reading') return;
  const inputs = await pendingInputs(ctx.db, job.runId, job.from, job.to);
  const prepared = await Promise.all(
    inputs.map((i) => ctx.pool.prepare({ item: JSON.parse(i.item) as Item, maxBytes: run.options.maxFileBytes })),
  );
  // documents are stored in the order of their texts' hashes: two workers storing the same texts take their
  // locks in one order, so neither waits for the other in a cycle (a deadlock would fail one job, retried)
  const stores = inputs.flatMap((input, n): Store[] => {
    const p = prepared[n]!;
    if ('refusal' in p) return [{ input, refusal: p.refusal, i: 0, doc: null, features: null, sha: '' }];
    return p.docs.map((d, i) => ({
      input,
      refusal: null,
      i,
      doc: d.doc,
      features: d.features,
      sha: textHash(d.doc.text),
    }));
  });
  stores.sort((a, b) => (a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0));
  await pgTx(ctx.db, async (c) => {
    for (const s of stores) {
      const ord = s.input.ord * DOCS_PER_ITEM + s.i;
      if (!s.doc) {
        await recordItemPg(c, job.runId, s.input.key, ord, null, s.refusal);
        continue;
      }
      const { id, created } = await storeDocumentPg(c, s.doc);
      await recordItemPg(c, job.runId, s.i === 0 ? s.input.key : `${s.input.key}#${s.i + 1}`, ord, id, null);
      if (created) {
        await storeFeatures(c, id, serialize(s.features), job.runId, ord);
        await storeKeys(c, id, storyKeys(s.features!));
      } else await preferEarlierCopy(c, id, job.runId, ord, s.doc);
    }
    // the commit that stores the run's last item queues its grouping (the run's row lock: exactly one does)
    const locked = await lockRun(c, job.runId);
    if (locked.phase === 'reading' && (await countPendingInputs(c, job.runId)) === 0) {
      await setPhase(c, job.runId, 'grouping');
      await sendJob(ctx.boss, c, QUEUES.group, { runId: job.runId }, run.options.jobTimeout);
    }
  });
}

/**
 * Groups the run; returns a line on how the stories sit in the candidate-key graph matched by PostgreSQL (how
 * many parts, the largest, how many stories lie within one part): what grouping per part would keep.
 */
export async function groupJob(ctx: JobContext, job: GroupJob): Promise<string | null> {
  const run = await getRun(ctx.db, job.runId);
  if (!run || run.phase !== 'grouping') return null;
  const ids = await runDocumentIdsPg(ctx.db, job.runId);
  const stored = await featuresOfDocs(ctx.db, ids);
  // a document stored before this run without features (another run, the in-process batch) is read again
  const missing = ids.filter((id) => !stored.has(id));
  const loaded = missing.length ? await loadSegmentedDocsPg(ctx.db, missing) : new Map();
  const features = (id: number): DocFeatures => {
    const b = stored.get(id);
    return b ? (deserialize(b) as DocFeatures) : featuresOf(loaded.get(id)!);
  };
  const plans = await storiesOfMeanwhile(ids, features, (docs) => ctx.pool.crossPairs(docs));
  const parts = candidateComponents(
    ids,
    await candidatePairs(ctx.db, job.runId, CANDIDATE_MAX_DF, CANDIDATE_MIN_SHARED),
  );
  const partOf = new Map(parts.flatMap((p, n) => p.map((id) => [id, n] as const)));
  const several = plans.filter((p) => p.documentIds.length > 1);
  const within = several.filter((p) => new Set(p.documentIds.map((id) => partOf.get(id))).size === 1).length;
  const note = `run ${job.runId} grouped: ${plans.length} stories; candidate keys: ${parts.length} parts, the largest ${Math.max(0, ...parts.map((p) => p.length))} documents, ${within}/${several.length} stories of several documents within one part`;
  const committed = await pgTx(ctx.db, async (c) => {
    const locked = await lockRun(c, job.runId);
    if (locked.phase !== 'grouping') return false;
    await storePlans(
      c,
      job.runId,
      plans.map((p, ord) => ({ ord, key: p.key, documentIds: p.documentIds })),
    );
    if (!plans.length) {
      await finishRunPg(c, job.runId);
      return true;
    }
    await setPhase(c, job.runId, 'auditing');
    for (let from = 0; from < plans.length; from += AUDIT_CHUNK) {
      await sendJob(
        ctx.boss,
        c,
        QUEUES.audit,
        { runId: job.runId, from, to: from + AUDIT_CHUNK },
        run.options.jobTimeout,
      );
    }
    return true;
  });
  return committed ? note : null;
}

export async function auditJob(ctx: JobContext, job: RangeJob): Promise<void> {
  const run = await getRun(ctx.db, job.runId);
  if (!run || run.phase !== 'auditing') return;
  const plans = await pendingPlans(ctx.db, job.runId, job.from, job.to);
  const docs = await loadSegmentedDocsPg(ctx.db, [...new Set(plans.flatMap((p) => p.documentIds))]);
  await Promise.all(
    plans.map(async (plan) => {
      const versions = plan.documentIds.map((id) => ({ documentId: id, doc: docs.get(id)! }));
      const analysis = await ctx.pool.analyse({ versions, thresholds: run.options.thresholds });
      const pivot = versions[analysis.pivot]!;
      await pgTx(ctx.db, (c) =>
        commitStoryPg(c, {
          runId: job.runId,
          storyKey: plan.key,
          name: storyName(pivot.doc),
          versions: versions.map((v, i) => ({ documentId: v.documentId, role: analysis.roles[i]!, doc: v.doc })),
          pivotDocumentId: pivot.documentId,
          alignments: analysis.alignments.flatMap((beads, i) =>
            beads ? [{ tgtDocumentId: versions[i]!.documentId, beads }] : [],
          ),
          method: ALIGN_METHOD,
          findings: analysis.findings.map((f) => ({
            documentId: versions[f.versionIndex]!.documentId,
            otherDocumentId: f.otherVersionIndex === null ? null : versions[f.otherVersionIndex]!.documentId,
            finding: f.finding,
          })),
        }),
      );
    }),
  );
  // after this job's commits: the job that finds no story left finishes the run (under its row lock)
  await pgTx(ctx.db, async (c) => {
    const locked = await lockRun(c, job.runId);
    if (locked.phase !== 'auditing' || (await countPendingPlans(c, job.runId)) > 0) return;
    await finishRunPg(c, job.runId);
  });
}
