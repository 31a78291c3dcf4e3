import type { Command } from 'commander';
import { defaultDbPath } from '../config.js';
import { writeLine } from './io.js';
import { isPostgresUrl } from '../db/pg/url.js';
import { UsageError } from '../errors.js';

/** PostgreSQL has its own backup tools, which know its server; tapat's SQLite file copy does not apply there. */
function refusePostgres(db: string, verb: 'backup' | 'restore'): void {
  if (!isPostgresUrl(db)) return;
  const tool =
    verb === 'backup'
      ? 'pg_dump --format=custom --file=tapat.dump "$TAPAT_DB" (consistent while the server and workers run)'
      : 'pg_restore --clean --if-exists --dbname="$TAPAT_DB" tapat.dump (stop tapat serve and the workers first)';
  throw new UsageError(`tapat ${verb} copies a SQLite file; for PostgreSQL use ${tool}`);
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('copy the database with SQLite online backup (safe while the server runs)')
    .requiredOption('--out <file>', 'backup file to write (never the database itself)')
    .option('--db <file>', 'database file', defaultDbPath())
    .option('--force', 'replace an existing --out file')
    .action(async (opts: { db: string; out: string; force?: boolean }) => {
      refusePostgres(opts.db, 'backup');
      const { backupDb } = await import('../db/backup.js');
      const r = await backupDb(opts.db, opts.out, opts.force ?? false);
      writeLine(`backed up ${opts.db} to ${opts.out} (${r.pages} pages, ${r.bytes} bytes)`);
    });
  program
    .command('restore')
    .description('replace the database with a backup (stop the server first)')
    .argument('<backup>', 'a file written by tapat backup')
    .option('--db <file>', 'database file', defaultDbPath())
    .option('--force', 'replace an existing database')
    .action(async (backup: string, opts: { db: string; force?: boolean }) => {
      refusePostgres(opts.db, 'restore');
      const { restoreDb } = await import('../db/backup.js');
      await restoreDb(backup, opts.db, opts.force ?? false);
      writeLine(`restored ${opts.db} from ${backup}`);
    });
}
