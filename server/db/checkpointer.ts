import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './index.js';

// SQLite's automatic WAL checkpoint runs inside whichever commit crosses the threshold, and a checkpoint
// syncs the database file: on the server that stalled every in-flight request for hundreds of ms at once
// (verdict p99 500 ms vs 100 ms without it, bench/api.ts). The server turns the automatic checkpoint off
// on its connection and a worker thread with its own connection checkpoints (PASSIVE: never blocks
// readers or the writer) every few seconds instead, off the event loop.

const WORKER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick retries */ }
}, workerData.everyMs);
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(db: Db, everyMs = 2000): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file: db.name, everyMs } });
  worker.unref();
  return {
    stop: async () => {
      await worker.terminate();
    },
  };
}
