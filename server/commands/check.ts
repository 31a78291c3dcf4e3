import type { Command } from 'commander';
import { UsageError } from '../errors.js';

// Placeholder until the capability lands (see the open issue); replaced, not extended.
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('(not built yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new UsageError('tapat check is not built yet');
    });
}
