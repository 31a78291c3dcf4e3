import { Command, CommanderError } from 'commander';
import { InputError, UsageError, errorMessage } from './errors.js';
import { MigrationError } from './db/migrate.js';
import { registerCommands } from './commands/index.js';
import { dbErrorMessage } from './db/errors.js';

/** Runs the CLI; returns the exit code (0 ok, 2 usage, 3 bad input, 1 anything else). */
export async function main(argv: string[]): Promise<number> {
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
    if (err instanceof InputError) {
      const where = err.path ? `${err.path}${err.line ? `:${err.line}` : ''}: ` : '';
      process.stderr.write(`tapat: ${where}${err.message}\n`);
      return 3;
    }
    if (err instanceof UsageError || err instanceof MigrationError) {
      process.stderr.write(`tapat: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`tapat: ${dbErrorMessage(err) ?? errorMessage(err)}\n`);
    if (process.env.TAPAT_DEBUG) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
    return 1;
  }
}

// Direct run (tsx server/cli.ts ...): the bin script imports main() instead.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
