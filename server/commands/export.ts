import type { Command } from 'commander';
import { UsageError } from '../errors.js';

// Placeholder until the capability lands (see the open issue); replaced, not extended.
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('(not built yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new UsageError('tapat export is not built yet');
    });
}
