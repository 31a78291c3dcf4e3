import { deserialize, serialize } from 'node:v8';
import type PgBoss from 'pg-boss';
import { pgTx, type PgPool } from '../../db/pg/connect.js';
import { loadSegmentedDocsPg, storeDocumentPg } from '../../db/pg/documents.js';
import { commitStoryPg } from '../../db/pg/stories.js';
import {
  countPendingInputs,
  countPendingPlans,
  featuresOfDocs,
  finishRunPg,
  getRun,
  lockRun,
  pendingInputs,
  pendingPlans,
  recordItemPg,
  runDocumentIdsPg,
  setPhase,
  storeFeatures,
  storePlans,
} from '../../db/pg/batch.js';
import type { BatchPool } from '../batch/pool.js';
import type { Item } from '../batch/inputs.js';
import { ALIGN_METHOD } from '../batch/analyse.js';
import { storyName } from '../batch/story.js';
import { storiesOfMeanwhile } from '../group/index.js';
import { featuresOf, type DocFeatures } from '../group/features.js';
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

export async function readJob(ctx: JobContext, job: RangeJob): Promise<void> {
  const run = await getRun(ctx.db, job.runId);
  if (!run || run.phase !== 'reading') return;
  const inputs = await pendingInputs(ctx.db, job.runId, job.from, job.to);
  const prepared = await Promise.all(inputs.map((i) => ctx.pool.prepare({ item: JSON.parse(i.item) as Item, maxBytes: run.options.maxFileBytes })));
  await pgTx(ctx.db, async (c) => {
    for (const [n, input] of inputs.entries()) {
      const p = prepared[n]!;
      if ('refusal' in p) {
        await recordItemPg(c, job.runId, input.key, input.ord * DOCS_PER_ITEM, null, p.refusal);
        continue;
      }
      for (const [i, d] of p.docs.entries()) {
        const { id, created } = await storeDocumentPg(c, d.doc);
        await recordItemPg(c, job.runId, i === 0 ? input.key : `${input.key}#${i + 1}`, input.ord * DOCS_PER_ITEM + i, id, null);
        if (created) await storeFeatures(c, id, serialize(d.features));
      }
    }
    // the commit that stores the run's last item queues its grouping (the run's row lock: exactly one does)
    const locked = await lockRun(c, job.runId);
    if (locked.phase === 'reading' && (await countPendingInputs(c, job.runId)) === 0) {
      await setPhase(c, job.runId, 'grouping');
      await sendJob(ctx.boss, c, QUEUES.group, { runId: job.runId }, run.options.jobTimeout);
    }
  });
}

export async function groupJob(ctx: JobContext, job: GroupJob): Promise<void> {
  const run = await getRun(ctx.db, job.runId);
  if (!run || run.phase !== 'grouping') return;
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
  await pgTx(ctx.db, async (c) => {
    const locked = await lockRun(c, job.runId);
    if (locked.phase !== 'grouping') return;
    await storePlans(c, job.runId, plans.map((p, ord) => ({ ord, key: p.key, documentIds: p.documentIds })));
    if (!plans.length) {
      await finishRunPg(c, job.runId);
      return;
    }
    await setPhase(c, job.runId, 'auditing');
    for (let from = 0; from < plans.length; from += AUDIT_CHUNK) {
      await sendJob(ctx.boss, c, QUEUES.audit, { runId: job.runId, from, to: from + AUDIT_CHUNK }, run.options.jobTimeout);
    }
  });
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
          alignments: analysis.alignments.flatMap((beads, i) => (beads ? [{ tgtDocumentId: versions[i]!.documentId, beads }] : [])),
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
