import { after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { startServer, type Running } from '../../server/serve.js';
import { tmpDir } from './tmp.js';
import { checkResponses, type ContractCheck } from './contract-check.js';

/**
 * A real server on an ephemeral port over a real temporary SQLite file; closed after the file's tests. Every
 * JSON answer it gives is checked against the contract (contract/api/routes.ts); a file whose tests saw an
 * answer off the contract fails when its server closes.
 */
export async function testServer(
  opts: { loadSamples?: boolean; dbFile?: string } = {},
): Promise<Running & { contract: ContractCheck }> {
  const running = await startServer({
    dbFile: opts.dbFile ?? join(tmpDir(), 'server.db'),
    port: 0,
    host: '127.0.0.1',
    config: loadConfig({}, '/nonexistent'),
    loadSamples: opts.loadSamples ?? false,
    log: () => {},
  });
  const contract = checkResponses(running.server);
  after(async () => {
    await running.close();
    assert.deepEqual(contract.violations, [], 'every answer of the API parses with its contract schema');
  });
  return { ...running, contract };
}
