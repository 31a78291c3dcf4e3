import type { Command } from 'commander';
import { defaultDbPath, loadConfig } from '../config.js';
import { openDb } from '../db/index.js';
import { auditPaths } from '../pipeline/run.js';
import { writeLine } from './io.js';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('ingest, group, align, detect and store a batch of files or folders')
    .argument('<paths...>', 'files or folders')
    .option('--db <file>', 'database file', defaultDbPath())
    .option('--jsonl', 'print flags as JSON lines')
    .action((paths: string[], opts: { db: string; jsonl?: boolean }) => {
      const cfg = loadConfig();
      const db = openDb(opts.db);
      try {
        const s = auditPaths(db, cfg, paths);
        if (!opts.jsonl) writeLine(`${s.documents} documents read, ${s.created} new, ${s.documents - s.created} already stored`);
      } finally {
        db.close();
      }
    });
}
