import PgBoss from 'pg-boss';
import type { Queryable } from '../../db/pg/connect.js';

// The job queue of distributed batches: pg-boss 10 (the last line that supports Node 20), in its own schema
// of the same PostgreSQL database. Why pg-boss rather than graphile-worker: a job's expiry is set per job
// (expireInSeconds), so the job of a worker killed with kill -9 goes back to the queue after the run's
// --job-timeout, where graphile-worker frees a killed worker's jobs only after at least four hours (its error-handling docs); and
// pg-boss sends a job on a caller's connection (the `db` option), so a job is sent in the very transaction
// that commits what it follows from: no commit without its next job, no job without its commit.

export const QUEUES = {
  /** prepare and commit a chunk of input items: { runId, from, to } (batch_inputs ord range) */
  read: 'tapat-read',
  /** group the run's documents into stories, once every item is committed: { runId } */
  group: 'tapat-group',
  /** analyse and commit a chunk of stories: { runId, from, to } (batch_plans ord range) */
  audit: 'tapat-audit',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface RangeJob {
  runId: number;
  from: number;
  to: number;
}
export interface GroupJob {
  runId: number;
}

/** How often a worker's queue maintenance returns expired jobs (of killed workers) to the queue. */
const MAINTENANCE_SECONDS = 5;

export async function startQueue(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', (e) => process.stderr.write(`tapat: job queue: ${e.message}\n`));
  await boss.start();
  for (const name of Object.values(QUEUES)) if (!(await boss.getQueue(name))) await boss.createQueue(name);
  return boss;
}

/** A pg-boss connection on the caller's client: the job is sent inside the caller's transaction. */
export const onClient = (c: Queryable): PgBoss.ConnectionOptions => ({
  db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await c.query(text, values)).rows }) },
});

/** Sends a job with the run's timeout (a job active longer goes to another worker) and retries. */
export function sendJob(
  boss: PgBoss,
  c: Queryable,
  name: QueueName,
  data: RangeJob | GroupJob,
  jobTimeout: number,
): Promise<string | null> {
  return boss.send(name, data, { ...onClient(c), expireInSeconds: jobTimeout, retryLimit: 5, retryDelay: 1 });
}

/** Jobs of the batch queues not finished yet (waiting, to retry, or active: a killed worker's until it expires). */
export async function unfinishedJobs(boss: PgBoss): Promise<number> {
  let n = 0;
  for (const name of Object.values(QUEUES)) n += await boss.getQueueSize(name, { before: 'completed' });
  return n;
}
