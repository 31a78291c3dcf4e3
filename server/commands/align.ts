import type { Command } from 'commander';
import { UsageError } from '../errors.js';

// Placeholder until the capability lands (see the open issue); replaced, not extended.
export function registerAlign(program: Command): void {
  program
    .command('align')
    .description('(not built yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new UsageError('tapat align is not built yet');
    });
}
