import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { openDb, type Db } from './db/index.js';
import { countDocuments } from './db/documents.js';
import { startCheckpointer } from './db/checkpointer.js';
import type { Store } from './db/store.js';
import { sqliteStore } from './db/sqlite-store.js';
import { isPostgresUrl } from './db/pg/url.js';
import { createApp } from './api/app.js';
import { auditPaths } from './pipeline/run.js';
import { SAMPLES_DIR } from './paths.js';

export interface ServeOptions {
  /** A SQLite file, or a postgres:// URL. */
  dbFile: string;
  port: number;
  host: string;
  config: Config;
  /** Load data/samples into an empty database (npm start does; tests usually do not). */
  loadSamples: boolean;
  log?: (line: string) => void;
  /** Operational lines while serving (disk full, database replaced); stderr when not given. */
  opsLog?: (line: string) => void;
  /** Slow clients cannot hold connections: headers and whole requests must arrive within these (ms). */
  timeouts?: { headersMs: number; requestMs: number };
}

export interface Running<D extends Db | null = Db> {
  server: Server;
  store: Store;
  /** The SQLite handle; null when serving PostgreSQL. */
  db: D;
  url: string;
  close(): Promise<void>;
}

/** Loads the sample corpus when the database has no documents yet. Returns how many were loaded. */
export function loadSamplesIfEmpty(db: Db, config: Config): number {
  if (countDocuments(db) > 0) return 0;
  const files = readdirSync(SAMPLES_DIR)
    .filter((f) => /\.(txt|md|html?|jsonl)$/i.test(f))
    .sort()
    .map((f) => join(SAMPLES_DIR, f));
  return auditPaths(db, config, files).created;
}

export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 60_000 };

/** The store a --db names: a postgres:// URL opens PostgreSQL (migrated), anything else a SQLite file. */
async function openStore(dbFile: string): Promise<{ store: Store; db: Db | null }> {
  if (isPostgresUrl(dbFile)) {
    const { openPgStore } = await import('./db/pg/store.js');
    return { store: await openPgStore(dbFile), db: null };
  }
  const db = openDb(dbFile);
  return { store: sqliteStore(db), db };
}

/** A server on a SQLite file (what tests and benchmarks hold a handle on). */
export async function startServer(opts: ServeOptions): Promise<Running> {
  if (isPostgresUrl(opts.dbFile)) throw new Error('startServer is for SQLite; use startAnyServer for PostgreSQL');
  return (await startAnyServer(opts)) as Running;
}

/** A server on either backend: `tapat serve --db FILE | postgres://…`. */
export async function startAnyServer(opts: ServeOptions): Promise<Running<Db | null>> {
  const log = opts.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const { store, db } = await openStore(opts.dbFile);
  if (opts.loadSamples && db) {
    const n = loadSamplesIfEmpty(db, opts.config);
    if (n) log(`loaded ${n} sample documents into ${opts.dbFile}`);
  }
  const checkpointer = db === null || opts.dbFile === ':memory:' ? null : startCheckpointer(db);
  const app = createApp({
    store,
    config: opts.config,
    host: opts.host,
    log: opts.opsLog,
    checkpoint: checkpointer ? () => checkpointer.truncate() : undefined,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const t = opts.timeouts ?? DEFAULT_TIMEOUTS;
    // Node checks the timeouts every connectionsCheckingInterval: kept well under the shortest one.
    const s = createServer(
      {
        headersTimeout: t.headersMs,
        requestTimeout: t.requestMs,
        connectionsCheckingInterval: Math.min(1000, t.headersMs / 2),
      },
      app,
    ).listen(opts.port, opts.host, () => resolve(s));
    s.once('error', reject);
  }).catch(async (e: unknown) => {
    await checkpointer?.stop();
    await store.close();
    throw e;
  });
  // A fresh database gets a local admin once the server listens (created before, a failed listen left an
  // admin whose token was never shown); the token is shown once, as a link the client signs in from.
  const firstToken =
    (await store.countReviewers()) === 0 ? (await store.createReviewer('local', 'admin'))?.token : null;
  const addr = server.address() as AddressInfo;
  const url = `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`;
  if (firstToken) {
    const local = ['0.0.0.0', '::'].includes(addr.address) ? `http://127.0.0.1:${addr.port}` : url;
    log(
      `created the local admin reviewer "local". Open this link to sign in (the token is shown only once;\n` +
        `the page keeps it in this browser):\n\n  ${local}/#token=${firstToken}\n\n` +
        `More reviewers: npx tapat reviewer add NAME --db ${store.name}`,
    );
  }
  return {
    server,
    store,
    db,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          void (checkpointer?.stop() ?? Promise.resolve()).then(async () => {
            await store.close();
            resolve();
          });
        });
      }),
  };
}
