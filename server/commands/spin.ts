import type { Command } from 'commander';
import { UsageError } from '../errors.js';

// Placeholder until the capability lands (see the open issue); replaced, not extended.
export function registerSpin(program: Command): void {
  program
    .command('spin')
    .description('(not built yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new UsageError('tapat spin is not built yet');
    });
}
