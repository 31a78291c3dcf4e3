import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';
import { pgTx, type PgClient, type PgPool } from '../../db/pg/connect.js';
import {
  addInputs,
  findOrCreateRun,
  pendingInputChunks,
  pendingPlanChunks,
  setPhase,
  type DistributedRun,
  type InputRow,
  type RunOptions,
} from '../../db/pg/batch.js';
import { batchItems, checkInputs, inputsKey } from '../batch/inputs.js';
import { QUEUES, sendJob } from './queue.js';
import { AUDIT_CHUNK } from './jobs.js';
import type PgBoss from 'pg-boss';

// `tapat audit --db postgres://… --enqueue FILES…`: the batch and its items are recorded in PostgreSQL and
// its read jobs queued, in one transaction (a command stopped part-way records nothing). Workers read the
// items' files by their absolute paths: on several machines, every worker needs the inputs at the same path
// (a shared mount); JSONL records travel in the database.

/** Input items per read job: big enough that queue overhead is small, small enough to spread over workers. */
export const READ_CHUNK = 32;
const INSERT_ROWS = 500;

export interface EnqueueResult {
  run: DistributedRun;
  inputs: number;
  jobs: number;
}

/** The run key, as the in-process batch computes it (driver.ts runKey), marked as distributed. */
function runKey(cfg: Config, paths: string[]): string {
  return createHash('sha256')
    .update(JSON.stringify({ inputs: inputsKey(paths), maxFileBytes: cfg.limits.maxFileBytes, distributed: true }))
    .digest('hex');
}

async function requeue(boss: PgBoss, c: PgClient, run: DistributedRun): Promise<number> {
  const timeout = run.options.jobTimeout;
  if (run.phase === 'grouping') return (await sendJob(boss, c, QUEUES.group, { runId: run.id }, timeout), 1);
  const [queue, size, starts] =
    run.phase === 'reading'
      ? [QUEUES.read, READ_CHUNK, await pendingInputChunks(c, run.id, READ_CHUNK)]
      : [QUEUES.audit, AUDIT_CHUNK, await pendingPlanChunks(c, run.id, AUDIT_CHUNK)];
  for (const from of starts) await sendJob(boss, c, queue, { runId: run.id, from, to: from + size }, timeout);
  return starts.length;
}

export async function enqueueBatch(
  db: PgPool,
  boss: PgBoss,
  cfg: Config,
  paths: string[],
  jobTimeout: number,
): Promise<EnqueueResult> {
  checkInputs(paths, cfg.limits.maxFileBytes, cfg.limits.maxFilesPerBatch);
  const options: RunOptions = {
    inputs: inputsKey(paths),
    maxFileBytes: cfg.limits.maxFileBytes,
    thresholds: cfg.thresholds,
    jobTimeout,
  };
  return pgTx(db, async (c) => {
    const run = await findOrCreateRun(c, runKey(cfg, paths), options);
    // an unfinished run enqueued again: the jobs of its current phase's unfinished work are queued again (a
    // job may have failed past its retries); jobs are idempotent, so one still queued does no harm
    if (!run.created) return { run, inputs: 0, jobs: await requeue(boss, c, run) };
    let ord = 0;
    let rows: InputRow[] = [];
    for await (const item of batchItems(inputsKey(paths), cfg.limits.maxFileBytes)) {
      rows.push({ ord: ord++, key: item.key, item: JSON.stringify(item) });
      if (rows.length >= INSERT_ROWS) (await addInputs(c, run.id, rows), (rows = []));
    }
    await addInputs(c, run.id, rows);
    let jobs = 0;
    for (let from = 0; from < ord; from += READ_CHUNK) {
      await sendJob(boss, c, QUEUES.read, { runId: run.id, from, to: from + READ_CHUNK }, jobTimeout);
      jobs++;
    }
    if (ord === 0) {
      // nothing to read: straight to grouping (which finds no documents and finishes the run)
      await setPhase(c, run.id, 'grouping');
      await sendJob(boss, c, QUEUES.group, { runId: run.id }, jobTimeout);
      jobs++;
    }
    return { run, inputs: ord, jobs };
  });
}
