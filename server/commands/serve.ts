import type { Command } from 'commander';
import { defaultDbPath, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the review web app and API')
    .option('--db <file|url>', 'database file, or postgres://… (env TAPAT_DB)', defaultDbPath())
    .option('--port <n>', 'port (env PORT)', process.env.PORT ?? '3000')
    .option('--host <addr>', 'address to bind; 127.0.0.1 keeps it on this machine', '127.0.0.1')
    .option('--no-samples', 'do not load the sample corpus into an empty database')
    .action(async (opts: { db: string; port: string; host: string; samples: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port: not a port number: ${opts.port}`);
      const { startAnyServer } = await import('../serve.js');
      const running = await startAnyServer({
        dbFile: opts.db,
        port,
        host: opts.host,
        config: loadConfig(),
        loadSamples: opts.samples,
      });
      process.stdout.write(
        `tapat serving ${running.store.name} on ${running.url}${opts.host === '127.0.0.1' ? ' (this machine only)' : ''}\n`,
      );
      const stop = (): void => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<void>((resolve) => running.server.once('close', () => resolve()));
    });
}
