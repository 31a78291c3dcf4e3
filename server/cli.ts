import { Command, CommanderError } from 'commander';
import { InputError, PartlySavedError, UsageError, errorMessage } from './errors.js';
import { MigrationError } from './db/migrate.js';
import { registerCommands } from './commands/index.js';
import { fileErrorMessage } from './fs/file-error.js';
import { installResources, Resources } from './core/resources.js';

/**
 * Runs the CLI; returns the exit code: 0 ok, 2 usage, 3 bad input or environment (a file, the disk, the
 * database), 1 only for an internal error (a bug). Every error is one line on stderr, never a stack.
 */
export async function main(argv: string[]): Promise<number> {
  // the process's word lists and tables, each loaded when a command first reads it (core/resources.ts)
  installResources(new Resources());
  const program = new Command('tapat')
    .description('tapat: align and audit Tagalog / English / spun versions of a story')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCommands(program);
  // `tapat check a b | head`: the reader went away; that is the user's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    // a failure after part of the work was committed: the failure's own line, then what was kept
    const failure = err instanceof PartlySavedError ? err.failure : err;
    const saved = err instanceof PartlySavedError ? err.saved : undefined;
    const also = saved ? `; ${saved}` : '';
    if (failure instanceof InputError) {
      const where = failure.path ? `${failure.path}${failure.line ? `:${failure.line}` : ''}: ` : '';
      process.stderr.write(`tapat: ${where}${failure.message}${also}\n`);
      return 3;
    }
    if (failure instanceof UsageError || failure instanceof MigrationError) {
      process.stderr.write(`tapat: ${failure.message}${also}\n`);
      return 2;
    }
    // loaded only on this path: it loads the SQLite driver, which `tapat align` and `check` never need
    const { dbErrorMessage } = await import('./db/errors.js');
    const known = dbErrorMessage(failure, saved) ?? fileErrorMessage(failure, saved);
    if (process.env.TAPAT_DEBUG) process.stderr.write(`${(failure as Error)?.stack ?? ''}\n`);
    if (known) {
      process.stderr.write(`tapat: ${known}\n`);
      return 3;
    }
    const line = errorMessage(failure).split('\n')[0];
    process.stderr.write(`tapat: internal error: ${line}${also} (TAPAT_DEBUG=1 shows where)\n`);
    return 1;
  }
}

// Direct run (tsx server/cli.ts ...): the bin script imports main() instead.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
