import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { defaultDbPath, loadConfig } from '../config.js';
import { openDb, type Db } from '../db/index.js';
import { addReviewer, listReviewers, reviewerExists, revokeReviewer, rotateToken } from '../db/reviewers.js';
import { InputError, UsageError } from '../errors.js';
import { writeJsonl, writeLine } from './io.js';
import { isPostgresUrl } from '../db/pg/url.js';
import type { ReviewerRecord } from '../../contract/index.js';

const NAME_RE = /^[\p{L}\p{N} ._@-]{1,64}$/u;

/** Opens an existing database (list, revoke and rotate must not create an empty one from a typo). */
function withExistingDb<T>(file: string, fn: (db: Db) => T): T {
  if (isPostgresUrl(file))
    throw new UsageError(
      'on PostgreSQL only `tapat reviewer add` is available yet (admins can also add reviewers in the API)',
    );
  if (file !== ':memory:' && !existsSync(file)) throw new InputError('no such database', file);
  const db = openDb(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function registerReviewer(program: Command): void {
  const reviewer = program.command('reviewer').description('manage reviewers and their tokens');
  reviewer
    .command('add')
    .description('add a reviewer; prints the new bearer token alone on the last line')
    .argument('<name>')
    .option('--db <file|url>', 'database file, or postgres://…', defaultDbPath())
    .option('--admin', 'give the reviewer the admin role')
    .action(async (name: string, opts: { db: string; admin?: boolean }) => {
      if (!NAME_RE.test(name)) throw new UsageError('reviewer name: 1-64 letters, digits, space . _ @ -');
      const say = (r: { id: number; name: string; role: string }, token: string): void => {
        writeLine(`reviewer ${r.id} "${r.name}" (${r.role}) added; bearer token:`);
        writeLine(token);
      };
      if (isPostgresUrl(opts.db)) {
        const { openPgStore } = await import('../db/pg/store.js');
        const store = await openPgStore(opts.db, { max: 1 });
        try {
          const made = await store.createReviewer(name, opts.admin ? 'admin' : 'reviewer');
          if (!made) throw new UsageError(`a reviewer named "${name}" exists already`);
          say(made.reviewer, made.token);
        } finally {
          await store.close();
        }
        return;
      }
      const db = openDb(opts.db);
      try {
        if (reviewerExists(db, name)) throw new UsageError(`a reviewer named "${name}" exists already`);
        const { reviewer: r, token } = addReviewer(db, name, opts.admin ? 'admin' : 'reviewer');
        say(r, token);
      } finally {
        db.close();
      }
    });
  reviewer
    .command('list')
    .description('list reviewers with their token status (active, expired, revoked) and expiry; never the tokens')
    .option('--db <file>', 'database file', defaultDbPath())
    .option('--json', 'one JSON object per line')
    .action((opts: { db: string; json?: boolean }) => {
      const days = loadConfig().server.tokenLifetimeDays;
      const rows = withExistingDb(opts.db, (db) => listReviewers(db, days));
      if (opts.json) return writeJsonl(rows satisfies ReviewerRecord[]);
      for (const r of rows) {
        const state =
          r.status === 'revoked'
            ? `revoked ${r.revokedAt}`
            : r.status === 'expired'
              ? `expired ${r.tokenExpiresAt}`
              : `active until ${r.tokenExpiresAt}`;
        writeLine(`${r.id}\t${r.name}\t${r.role}\t${state}`);
      }
    });
  reviewer
    .command('revoke')
    .description("revoke a reviewer's token at once (their verdicts stay; rotate gives them a new token)")
    .argument('<name>')
    .option('--db <file>', 'database file', defaultDbPath())
    .action((name: string, opts: { db: string }) => {
      if (!withExistingDb(opts.db, (db) => revokeReviewer(db, name)))
        throw new UsageError(`no reviewer named "${name}"`);
      writeLine(`the token of reviewer "${name}" is revoked; requests with it now get 401`);
    });
  reviewer
    .command('rotate')
    .description('give a reviewer a new token (the old one stops working); prints it alone on the last line')
    .argument('<name>')
    .option('--db <file>', 'database file', defaultDbPath())
    .action((name: string, opts: { db: string }) => {
      const days = loadConfig().server.tokenLifetimeDays;
      const r = withExistingDb(opts.db, (db) => rotateToken(db, name));
      if (!r) throw new UsageError(`no reviewer named "${name}"`);
      writeLine(
        `new bearer token for reviewer "${r.reviewer.name}" (${r.reviewer.role}), valid ${days} days; the old one no longer works:`,
      );
      writeLine(r.token);
    });
}
