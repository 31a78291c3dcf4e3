import express from 'express';
import { join } from 'node:path';
import helmet from 'helmet';
import type { Db } from '../db/index.js';
import type { Store } from '../db/store.js';
import { sqliteStore } from '../db/sqlite-store.js';
import type { Config } from '../config.js';
import { CLIENT_DIST } from '../paths.js';
import { auditsRouter } from './audits.js';
import { documentsRouter } from './documents.js';
import { exportsRouter } from './exports.js';
import { flagsRouter } from './flags.js';
import { meRouter } from './me.js';
import { statsRouter } from './stats.js';
import { auditAdminRouter } from './audit-admin.js';
import { reviewersRouter } from './reviewers.js';
import { batchesRouter } from './batches.js';
import { verdictsRouter } from './verdicts.js';
import { progressRouter } from './progress.js';
import { auditRolesRouter } from './audit-roles.js';
import { errorHandler, notFound } from './errors.js';
import { authenticate } from './auth.js';
import { hostGuard } from './hosts.js';
import { fileIdentityGuard, type Log } from './storage.js';

export interface AppDeps {
  store: Store;
  config: Config;
  /** The address the server binds (the Host check accepts it); 127.0.0.1 when not given. */
  host?: string;
  /** Where operational lines go (disk full, database replaced); stderr when not given. */
  log?: Log;
  /** Asks for a WAL checkpoint that empties the file (after a batch); none in tests without a checkpointer. */
  checkpoint?: () => void;
}

/** What createApp takes: the store, or a SQLite handle to wrap in one. */
export type AppInput = Omit<AppDeps, 'store'> & ({ store: Store } | { db: Db });

/** The Express app: one router per area under /api, the built client at /. */
export function createApp(input: AppInput): express.Express {
  const deps: AppDeps = 'store' in input ? input : { ...input, store: sqliteStore(input.db) };
  const app = express();
  app.disable('x-powered-by');
  // The client renders every string as text; the CSP is the second wall: only our own script and styles run.
  // No HSTS and no upgrade-insecure-requests: the server is plain http on this machine.
  app.use(
    helmet({
      strictTransportSecurity: false,
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'none'"],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(hostGuard(deps.host ?? '127.0.0.1', deps.config.server.allowedHosts));
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  // Everything else under /api needs a token, reads included; bodies are parsed only for signed-in requests.
  const log = deps.log ?? ((line: string) => process.stderr.write(line + '\n'));
  app.use('/api', authenticate(deps.store, deps.config.server.tokenLifetimeDays));
  // a replaced database file is a SQLite matter: a PostgreSQL server is named by its URL, not by an inode
  if (deps.store.sqlite) app.use('/api', fileIdentityGuard(deps.store.sqlite.name, log));
  app.use(express.json({ limit: deps.config.limits.maxRequestBytes }));
  app.use('/api/documents', documentsRouter(deps));
  app.use('/api/audits', auditsRouter(deps));
  app.use('/api/audits', auditAdminRouter(deps));
  app.use('/api/reviewers', reviewersRouter(deps));
  app.use('/api/batches', batchesRouter(deps));
  app.use('/api/audits', exportsRouter(deps));
  app.use('/api/audits', auditRolesRouter(deps));
  app.use('/api/flags', flagsRouter(deps));
  app.use('/api/verdicts', verdictsRouter(deps));
  app.use('/api', progressRouter(deps));
  app.use('/api/stats', statsRouter(deps));
  app.use('/api/me', meRouter(deps));
  app.use('/api', notFound);
  // Browsers ask for /favicon.ico whatever the page links; a 404 on every page is noise in every log.
  app.get('/favicon.ico', (_req, res) => {
    res.type('image/svg+xml').sendFile(join(CLIENT_DIST, 'favicon.svg'));
  });
  app.use(express.static(CLIENT_DIST, { index: 'index.html' }));
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
