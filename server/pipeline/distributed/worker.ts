import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../../errors.js';
import { openPg } from '../../db/pg/connect.js';
import { runProgressPg } from '../../db/pg/batch.js';
import { progressLine } from '../../db/pg/progress-line.js';
import { BatchPool } from '../batch/pool.js';
import { auditJob, groupJob, readJob, type JobContext } from './jobs.js';
import { QUEUES, startQueue, unfinishedJobs, type GroupJob, type QueueName, type RangeJob } from './queue.js';

// `tapat worker --db postgres://…`: takes batch jobs from the queue until stopped (SIGINT/SIGTERM: the jobs in
// hand are finished first), or with untilIdle until no batch job is waiting, retrying or active anywhere
// (a killed worker's job counts until it expires and another worker has done it). Each job's CPU work runs in
// this process's worker threads, as the in-process batch does; several jobs are in hand at once so that the
// threads do not wait while a job commits.

export interface WorkerOptions {
  threads: number;
  untilIdle: boolean;
  /** One line per job done (run, phase, how far the run got), or nothing. */
  log: (line: string) => void;
}

export interface WorkerSummary {
  jobs: number;
  failed: number;
}

/** Later phases first: a run in progress is finished before the next run's reading takes the workers. */
const ORDER: QueueName[] = [QUEUES.audit, QUEUES.group, QUEUES.read];
const IDLE_POLL_MS = 300;

export async function runWorker(url: string, opts: WorkerOptions): Promise<WorkerSummary> {
  const slots = Math.max(1, opts.threads);
  const db = await openPg(url, { max: slots + 2 });
  const boss = await startQueue(url).catch(async (e: unknown) => {
    await db.end();
    throw e;
  });
  const pool = new BatchPool(opts.threads);
  const ctx: JobContext = { db, boss, pool };
  const summary: WorkerSummary = { jobs: 0, failed: 0 };
  let stopping = false;
  const stop = (): void => {
    stopping = true;
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);

  const takeOne = async (): Promise<boolean> => {
    for (const name of ORDER) {
      const [job] = await boss.fetch<RangeJob & GroupJob>(name);
      if (!job) continue;
      try {
        if (name === QUEUES.read) await readJob(ctx, job.data);
        else if (name === QUEUES.group) {
          const note = await groupJob(ctx, job.data);
          if (note) opts.log(note);
        } else await auditJob(ctx, job.data);
        await boss.complete(name, job.id);
        summary.jobs++;
        const p = await runProgressPg(db, job.data.runId);
        if (p) opts.log(progressLine(p));
      } catch (e) {
        // the queue retries it (on any worker); its commits so far are whole, and skipped when it runs again
        summary.failed++;
        opts.log(`${name} job of run ${job.data.runId} failed: ${errorMessage(e)}`);
        await boss.fail(name, job.id, { message: errorMessage(e) });
      }
      return true;
    }
    return false;
  };
  const loop = async (): Promise<void> => {
    while (!stopping) {
      if (await takeOne()) continue;
      if (opts.untilIdle && (await unfinishedJobs(boss)) === 0) return;
      await sleep(IDLE_POLL_MS);
    }
  };
  try {
    await Promise.all(Array.from({ length: slots }, loop));
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    await pool.close();
    await boss.stop({ graceful: false, wait: true });
    await db.end();
  }
  return summary;
}
