import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { BIN } from './cli.js';

/** A port that was free a moment ago (tapat serve is given it, as a user would). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ServeProcess {
  cp: ChildProcess;
  url: string;
  port: number;
  /** Everything it printed up to and including the "tapat serving" line. */
  banner: string;
  exited: Promise<NodeJS.Signals | null>;
}

/** Starts the built `tapat serve` as its own process and waits for its "tapat serving" line. */
export async function serveProcess(db: string, extra: string[] = []): Promise<ServeProcess> {
  const port = await freePort();
  const cp = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', String(port), '--no-samples', ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TAPAT_DB: '' },
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => cp.on('exit', (_c, sig) => resolve(sig)));
  const banner = await new Promise<string>((resolve, reject) => {
    let out = '';
    cp.stdout!.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (/tapat serving .*\n/.test(out)) resolve(out);
    });
    cp.once('exit', () => reject(new Error(`tapat serve exited early: ${out}`)));
  });
  return { cp, url: `http://127.0.0.1:${port}`, port, banner, exited };
}
