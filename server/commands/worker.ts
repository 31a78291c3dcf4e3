import type { Command } from 'commander';
import { defaultDbPath } from '../config.js';
import { errorMessage, InputError, UsageError } from '../errors.js';
import { requirePostgresUrl } from '../db/pg/url.js';
import { defaultWorkers } from '../pipeline/batch/pool.js';

interface WorkerOpts {
  db: string;
  workers?: string;
  untilIdle?: boolean;
  quiet?: boolean;
}

/** Socket errors, PostgreSQL's connection-exception class (08) and its shutdown codes (57P01-57P03). */
const LOST = /^(ECONN\w+|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|08\w{3}|57P0[123])$/;

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'scale-out: process batches enqueued with `tapat audit --db postgres://… --enqueue` (run one per machine, or several)',
    )
    .option('--db <url>', 'PostgreSQL URL (postgres://user@host:port/db)', defaultDbPath())
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--until-idle', 'exit once no batch job is waiting, retrying or running anywhere')
    .option('--quiet', 'no progress output')
    .action(async (opts: WorkerOpts) => {
      const url = requirePostgresUrl(opts.db, 'tapat worker');
      let threads = defaultWorkers();
      if (opts.workers !== undefined) {
        if (!/^\d+$/.test(opts.workers) || Number(opts.workers) > 64)
          throw new UsageError(`--workers must be an integer from 0 to 64, not "${opts.workers}"`);
        threads = Number(opts.workers);
      }
      const { runWorker } = await import('../pipeline/distributed/worker.js');
      const quiet = opts.quiet ?? false;
      const s = await runWorker(url, {
        threads,
        untilIdle: opts.untilIdle ?? false,
        log: (l) => quiet || process.stderr.write(`tapat worker: ${l}\n`),
      }).catch((e: unknown) => {
        // a lost connection (server restarted, network) is the environment, not a bug: say what becomes of the work
        if (e instanceof Error && LOST.test(String((e as NodeJS.ErrnoException).code ?? ''))) {
          throw new InputError(
            `lost PostgreSQL (${errorMessage(e)}); the jobs this worker held go back to the queue after the run's --job-timeout`,
          );
        }
        throw e;
      });
      if (!quiet)
        process.stderr.write(
          `tapat worker: ${s.jobs} jobs done${s.failed ? `, ${s.failed} failed (the queue retries them)` : ''}\n`,
        );
    });
}
