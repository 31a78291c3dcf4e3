import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { tmpDir } from '../helpers/tmp.js';
import { serveProcess } from '../../testkit/serve-process.js';

// tapat serve binds 127.0.0.1 unless told otherwise, says so, and is not reachable on the machine's other addresses.
const reachable = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, host, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

test('tapat serve binds 127.0.0.1 by default and says so', async () => {
  const srv = await serveProcess(join(tmpDir(), 'b.db'));
  try {
    assert.match(
      srv.banner,
      new RegExp(`tapat serving .* on http://127\\.0\\.0\\.1:${srv.port} \\(this machine only\\)`),
    );
    assert.equal(await reachable('127.0.0.1', srv.port), true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const addr of others) assert.equal(await reachable(addr, srv.port), false, `not reachable on ${addr}`);
  } finally {
    srv.cp.kill('SIGTERM');
    await srv.exited;
  }
});
