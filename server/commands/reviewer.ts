import type { Command } from 'commander';
import { defaultDbPath } from '../config.js';
import { openDb } from '../db/index.js';
import { addReviewer } from '../db/reviewers.js';
import { UsageError } from '../errors.js';
import { writeLine } from './io.js';

export function registerReviewer(program: Command): void {
  const reviewer = program.command('reviewer').description('manage reviewers');
  reviewer
    .command('add')
    .description('add a reviewer; prints the new bearer token alone on the last line')
    .argument('<name>')
    .option('--db <file>', 'database file', defaultDbPath())
    .option('--admin', 'give the reviewer the admin role')
    .action((name: string, opts: { db: string; admin?: boolean }) => {
      if (!/^[\p{L}\p{N} ._@-]{1,64}$/u.test(name)) throw new UsageError('reviewer name: 1-64 letters, digits, space . _ @ -');
      const db = openDb(opts.db);
      try {
        const exists = db.prepare('SELECT 1 FROM reviewers WHERE name = ?').get(name);
        if (exists) throw new UsageError(`a reviewer named "${name}" exists already`);
        const { reviewer: r, token } = addReviewer(db, name, opts.admin ? 'admin' : 'reviewer');
        writeLine(`reviewer ${r.id} "${r.name}" (${r.role}) added; bearer token:`);
        writeLine(token);
      } finally {
        db.close();
      }
    });
}
