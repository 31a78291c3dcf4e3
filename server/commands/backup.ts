import type { Command } from 'commander';
import { defaultDbPath } from '../config.js';
import { writeLine } from './io.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('copy the database with SQLite online backup (safe while the server runs)')
    .requiredOption('--out <file>', 'backup file to write (never the database itself)')
    .option('--db <file>', 'database file', defaultDbPath())
    .option('--force', 'replace an existing --out file')
    .action(async (opts: { db: string; out: string; force?: boolean }) => {
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
      const { restoreDb } = await import('../db/backup.js');
      await restoreDb(backup, opts.db, opts.force ?? false);
      writeLine(`restored ${opts.db} from ${backup}`);
    });
}
