import type { Command } from 'commander';
import { defaultDbPath } from '../config.js';
import { InputError, UsageError } from '../errors.js';
import { requirePostgresUrl } from '../db/pg/url.js';
import { writeLine } from './io.js';

// tapat batch status: how far a distributed batch got (the line `tapat worker` prints after each job), from any
// machine that reaches the database — no worker needs to be running.

export function registerBatch(program: Command): void {
  const batch = program.command('batch').description('scale-out: distributed batches on PostgreSQL');
  batch
    .command('status')
    .description('how far a distributed batch got: its phase, items read, stories audited')
    .option('--db <url>', 'PostgreSQL URL (postgres://user@host:port/db)', defaultDbPath())
    .option('--run <id>', 'the run (default: the newest distributed run)')
    .action(async (opts: { db: string; run?: string }) => {
      const url = requirePostgresUrl(opts.db, 'tapat batch status');
      if (opts.run !== undefined && !/^[1-9]\d*$/.test(opts.run))
        throw new UsageError(`--run must be a positive integer, not "${opts.run}"`);
      const [{ openPg }, { latestDistributedRun, runProgressPg }, { progressLine }] = await Promise.all([
        import('../db/pg/connect.js'),
        import('../db/pg/batch.js'),
        import('../db/pg/progress-line.js'),
      ]);
      const pool = await openPg(url, { max: 1 });
      try {
        const id = opts.run !== undefined ? Number(opts.run) : await latestDistributedRun(pool);
        if (id === null) return writeLine('no distributed batch in this database (tapat audit --db … --enqueue)');
        const p = await runProgressPg(pool, id);
        if (!p || (p.phase as string | null) === null)
          throw new InputError(`no distributed run ${id} in this database`);
        writeLine(`${progressLine(p)}${p.status === 'failed' ? ' (failed)' : ''}`);
      } finally {
        await pool.end();
      }
    });
}
