import express from 'express';
import type { Db } from '../db/index.js';
import type { Config } from '../config.js';
import { CLIENT_DIST } from '../paths.js';
import { documentsRouter } from './documents.js';
import { exportsRouter } from './exports.js';
import { errorHandler, notFound } from './errors.js';

export interface AppDeps {
  db: Db;
  config: Config;
}

/** The Express app: one router per area under /api, the built client at /. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: deps.config.limits.maxRequestBytes }));
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api/documents', documentsRouter(deps));
  app.use('/api/audits', exportsRouter(deps));
  app.use('/api', notFound);
  app.use(express.static(CLIENT_DIST, { index: 'index.html' }));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
