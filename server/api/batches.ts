import { Router, text } from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from './app.js';
import { runBatch } from '../pipeline/batch/driver.js';
import { modelLayer } from '../llm/model-layer.js';
import { Progress } from '../pipeline/batch/progress.js';
import { InputError } from '../errors.js';
import { requireAdmin } from './roles.js';
import { HttpError } from './errors.js';
import { storageFailure } from './storage.js';
import { storedTotals } from '../db/stats.js';
import { sqliteOnly } from './sqlite-only.js';
import { NoQuery, parse } from './validate.js';
import type { BatchCreated, LatestBatch } from '../../contract/index.js';

// POST /api/batches — admins only. The body is JSONL records ({"url","title","text"|"html","lang"?} per
// line, Content-Type application/x-ndjson), bounded by limits.maxRequestBytes (413 beyond) and
// limits.maxFilesPerBatch records. It runs the same resumable batch pipeline as `tapat audit`.
const JSONL_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/plain'];

export function batchesRouter({ store, config, checkpoint }: AppDeps): Router {
  const r = Router();
  r.post(
    '/',
    ...requireAdmin(store),
    text({ type: JSONL_TYPES, limit: config.limits.maxRequestBytes }),
    async (req, res) => {
      const db = sqliteOnly(
        store,
        'a batch upload (on PostgreSQL: tapat audit --db postgres://… --enqueue FILES, then tapat worker)',
      );
      if (typeof req.body !== 'string' || !req.body.trim()) {
        throw new HttpError(400, `send JSONL records as the body with Content-Type ${JSONL_TYPES[0]}`);
      }
      const records = req.body.split('\n').filter((l) => l.trim()).length;
      if (records > config.limits.maxFilesPerBatch) {
        throw new HttpError(
          413,
          `${records} records: over the limit of ${config.limits.maxFilesPerBatch} per batch (limits.maxFilesPerBatch)`,
        );
      }
      // The batch driver reads files: the body becomes one JSONL file in a fresh folder (each request is its own run).
      const dir = mkdtempSync(join(tmpdir(), 'tapat-batch-'));
      const stored = (): { documents: number; audits: number } => storedTotals(db);
      const before = stored();
      try {
        const file = join(dir, 'records.jsonl');
        writeFileSync(file, req.body);
        // one worker thread does the analysis, so the server keeps answering reviewers while a batch runs
        const s = await runBatch(db, config, [file], {
          workers: 1,
          progress: new Progress('quiet'),
          model: modelLayer(db, config),
        });
        checkpoint?.(); // a batch writes a lot at once: give the WAL back now rather than at the next idle tick
        res
          .status(201)
          .json({ run: s.runId, documents: s.documents, audits: s.audits, refused: s.refused } satisfies BatchCreated);
      } catch (e) {
        if (e instanceof InputError) throw new HttpError(400, e.message);
        // A batch commits story by story: on a full disk part of it may be stored, and the answer says how much.
        const failure = storageFailure(e, () => {});
        if (failure) {
          const now = stored();
          const saved = { documents: now.documents - before.documents, audits: now.audits - before.audits };
          throw new HttpError(
            503,
            `${failure.message.replace(/: nothing of this request was saved/, '')} — of this batch, ${saved.documents} documents and ${saved.audits} audits were saved before it stopped and the rest was not`,
            {
              saved,
              retryAfterSeconds: failure.extra.retryAfterSeconds,
            },
          );
        }
        throw e;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
  // GET /api/batches/latest: the newest run and how many of its items are in, polled by the upload page
  r.get('/latest', async (req, res) => {
    parse(NoQuery, req.query, 'query');
    res.json({ run: await store.latestRun() } satisfies LatestBatch);
  });
  return r;
}
