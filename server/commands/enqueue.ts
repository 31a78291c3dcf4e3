import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { openPg } from '../db/pg/connect.js';
import { requirePostgresUrl } from '../db/pg/url.js';
import { writeLine } from './io.js';

// `tapat audit --db postgres://… --enqueue FILES…`: records the batch for `tapat worker` processes and returns.

export function parseJobTimeout(s: string | undefined): number {
  if (s === undefined) return 600;
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 86_400)
    throw new UsageError(`--job-timeout must be whole seconds from 1 to 86400, not "${s}"`);
  return Number(s);
}

export async function enqueueCommand(
  db: string,
  cfg: Config,
  paths: string[],
  opts: { jobTimeout?: string; quiet?: boolean },
): Promise<void> {
  const url = requirePostgresUrl(db, 'tapat audit --enqueue');
  const jobTimeout = parseJobTimeout(opts.jobTimeout);
  const [{ startQueue }, { enqueueBatch }] = await Promise.all([
    import('../pipeline/distributed/queue.js'),
    import('../pipeline/distributed/enqueue.js'),
  ]);
  const pool = await openPg(url);
  try {
    const boss = await startQueue(url);
    try {
      const r = await enqueueBatch(pool, boss, cfg, paths, jobTimeout);
      if (opts.quiet) return;
      writeLine(
        r.run.created
          ? `run ${r.run.id}: ${r.inputs} input items enqueued in ${r.jobs} jobs; process them with: tapat worker --db <the same URL>`
          : `run ${r.run.id}: this batch is enqueued already and unfinished (phase ${r.run.phase}); ${r.jobs} jobs queued again for what is left`,
      );
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  } finally {
    await pool.end();
  }
}
