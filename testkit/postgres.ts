import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import pg from 'pg';

// A throwaway PostgreSQL cluster for tests: initdb + pg_ctl in a temporary folder, on 127.0.0.1 at a free
// port, trust authentication, stopped and removed after the test file. As root (CI, this machine) the
// cluster runs as the `postgres` user, since PostgreSQL refuses to run as root. Missing binaries fail the
// test with what to install: a PostgreSQL test must never pass by skipping (.ci/run installs postgresql).

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** A new empty database on the cluster; its URL. */
  createDb(name: string): Promise<string>;
}

function binDir(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath && existsSync(onPath.replace(/pg_ctl$/, 'initdb'))) return onPath.replace(/\/pg_ctl$/, '');
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return join(root, newest, 'bin');
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) not found: install them (Debian: apt-get install -y postgresql; .ci/run does)',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function pgUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error(
      'running as root, and there is no `postgres` user to run the test cluster as (Debian postgresql package creates it)',
    );
  return { uid, gid: id('-g') };
}

function run(bin: string, args: string[], as: { uid: number; gid: number } | null): void {
  const r = spawnSync(bin, args, { encoding: 'utf8', ...(as ?? {}), timeout: 60_000 });
  if (r.status !== 0)
    throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}

/** Starts a cluster for this test file (stopped and removed after it). Call it at the file's top level (`await`), not in a hook: the after() it registers then belongs to the file. */
export async function startPostgres(): Promise<TestPostgres> {
  const c = await startCluster();
  after(c.stop);
  return c;
}

/** A throwaway cluster the caller stops (benchmarks; tests use startPostgres). */
export async function startCluster(): Promise<TestPostgres & { stop: () => void }> {
  const bin = binDir();
  const as = pgUser();
  const dir = mkdtempSync(join(tmpdir(), 'tapat-pg-'));
  chmodSync(dir, 0o700);
  if (as) chownSync(dir, as.uid, as.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const stop = (): void => {
    spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], { ...(as ?? {}), timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      as,
    );
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'], as);
  } catch (e) {
    stop();
    throw e;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop,
    async createDb(name: string): Promise<string> {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`test database name "${name}"`);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
  };
}
