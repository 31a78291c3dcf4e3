import { after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { openDb, type Db } from '../../server/db/index.js';
import { addReviewer, countReviewers } from '../../server/db/reviewers.js';
import { loadSamplesIfEmpty, startAnyServer, startServer, type Running } from '../../server/serve.js';
import { migratePg } from '../../server/db/pg/migrate.js';
import { openPg } from '../../server/db/pg/connect.js';
import { startPostgres, type TestPostgres } from '../../testkit/postgres.js';
import { copyRowsToPg, copySqliteToPg, pgQuery } from '../../testkit/pg-seed.js';
import { insertFlag, type FlagSpec } from '../../testkit/fixtures.js';
import { tmpDir } from './tmp.js';
import { checkResponses, type ContractCheck } from './contract-check.js';

export type Backend = 'sqlite' | 'postgres';

/**
 * The backend the API suites run on: SQLite unless the file called postgresBackend() before importing the
 * suite (test/api/pg/*.test.ts do), so one suite asserts the same answers on both backends.
 */
export const testBackend = (): Backend => (process.env.TAPAT_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite');

export interface TestServer {
  backend: Backend;
  /** The server's address (after ready()). */
  readonly url: string;
  /** SQLite: the served database. PostgreSQL: the SQLite file fixtures are built in, copied by ready(). */
  db: Db;
  contract: ContractCheck;
  /** SQLite: nothing. PostgreSQL: copies what the fixtures built into a fresh database and starts the server on it. */
  ready(): Promise<void>;
  /** One statement on the served database (`?` placeholders), as another process would run it; its rows. */
  query<T = unknown>(sql: string, args?: unknown[]): Promise<T[]>;
  /** A flag stored by another process (as `tapat audit` beside the server would store it). */
  insertFlag(f: FlagSpec): Promise<number>;
}

const config = () => loadConfig({}, '/nonexistent');

/**
 * A real server on an ephemeral port over a real temporary database; closed after the file's tests. Every
 * JSON answer it gives is checked against the contract (contract/api/routes.ts); a file whose tests saw an
 * answer off the contract fails when its server closes. On PostgreSQL: one throwaway cluster per test file,
 * a fresh database per server.
 */
export async function testServer(
  opts: { loadSamples?: boolean; dbFile?: string; backend?: Backend } = {},
): Promise<TestServer & Partial<Running<Db | null>>> {
  const backend = opts.backend ?? testBackend();
  if (backend === 'postgres') return pgTestServer(opts.loadSamples ?? false);
  const running = await startServer({
    dbFile: opts.dbFile ?? join(tmpDir(), 'server.db'),
    port: 0,
    host: '127.0.0.1',
    config: config(),
    loadSamples: opts.loadSamples ?? false,
    log: () => {},
  });
  const contract = checkResponses(running.server);
  after(async () => {
    await running.close();
    assert.deepEqual(contract.violations, [], 'every answer of the API parses with its contract schema');
  });
  return {
    ...running,
    backend,
    contract,
    ready: () => Promise.resolve(),
    // another connection, as another process would have
    query: async <T>(sql: string, args: unknown[] = []): Promise<T[]> => {
      const other = openDb(running.db.name);
      try {
        const st = other.prepare(sql);
        return (st.reader ? st.all(...args) : (st.run(...args), [])) as T[];
      } finally {
        other.close();
      }
    },
    insertFlag: async (f) => {
      const other = openDb(running.db.name);
      try {
        return insertFlag(other, f);
      } finally {
        other.close();
      }
    },
  };
}

let cluster: TestPostgres | null = null;
let databases = 0;

/**
 * Makes this test file's suite run on PostgreSQL: starts the file's throwaway cluster (stopped after the file).
 * Call at the file's top level, before importing the suite.
 */
export async function postgresBackend(): Promise<void> {
  process.env.TAPAT_TEST_BACKEND = 'postgres';
  cluster ??= await startPostgres();
}

async function pgTestServer(loadSamples: boolean): Promise<TestServer> {
  const pgc = cluster;
  if (!pgc) throw new Error('a PostgreSQL test file calls await postgresBackend() at its top level first');
  const url = await pgc.createDb(`api_${process.pid}_${++databases}`);
  const pool = await openPg(url, { migrate: false });
  await migratePg(pool);
  await pool.end();
  // the fixtures' database starts as a served one does: samples when asked, then the local admin
  const db = openDb(join(tmpDir(), 'fixtures.db'));
  after(() => db.close());
  if (loadSamples) loadSamplesIfEmpty(db, config());
  if (countReviewers(db) === 0) addReviewer(db, 'local', 'admin');
  let running: Running<Db | null> | null = null;
  const contract: ContractCheck = { violations: [], checked: new Map() };
  const s: TestServer = {
    backend: 'postgres',
    get url(): string {
      if (!running) throw new Error('PostgreSQL test server: call await s.ready() after building the fixtures');
      return running.url;
    },
    db,
    contract,
    async ready() {
      await copySqliteToPg(db, url);
      running = await startAnyServer({
        dbFile: url,
        port: 0,
        host: '127.0.0.1',
        config: config(),
        loadSamples: false,
        log: () => {},
      });
      const check = checkResponses(running.server);
      s.contract = check;
      const r = running;
      after(async () => {
        await r.close();
        assert.deepEqual(check.violations, [], 'every answer of the API parses with its contract schema');
      });
    },
    query: (sql, args = []) => pgQuery(url, sql, args),
    async insertFlag(f) {
      const id = insertFlag(db, f);
      await copyRowsToPg(db, url, 'flags', 'id = ?', [id]);
      return id;
    },
  };
  return s;
}
