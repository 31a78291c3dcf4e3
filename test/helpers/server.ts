import { after } from 'node:test';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { startServer, type Running } from '../../server/serve.js';
import { tmpDir } from './tmp.js';

/** A real server on an ephemeral port over a real temporary SQLite file; closed after the file's tests. */
export async function testServer(opts: { loadSamples?: boolean; dbFile?: string } = {}): Promise<Running> {
  const running = await startServer({
    dbFile: opts.dbFile ?? join(tmpDir(), 'server.db'),
    port: 0,
    host: '127.0.0.1',
    config: loadConfig({}, '/nonexistent'),
    loadSamples: opts.loadSamples ?? false,
    log: () => {},
  });
  after(() => running.close());
  return running;
}
