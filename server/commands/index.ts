import type { Command } from 'commander';
import { registerServe } from './serve.js';
import { registerSegment } from './segment.js';
import { registerAudit } from './audit.js';
import { registerAlign } from './align.js';
import { registerCheck } from './check.js';
import { registerSpin } from './spin.js';
import { registerExport } from './export.js';
import { registerReviewer } from './reviewer.js';
import { registerBackup } from './backup.js';
import { registerJudge } from './judge.js';
import { registerDetectors } from './detectors.js';
import { registerWorker } from './worker.js';
import { registerBatch } from './batch.js';

// One file per command, registered explicitly so `tapat --help` lists them in this order.
export function registerCommands(program: Command): void {
  registerServe(program);
  registerAudit(program);
  registerAlign(program);
  registerCheck(program);
  registerSpin(program);
  registerExport(program);
  registerSegment(program);
  registerReviewer(program);
  registerBackup(program);
  registerJudge(program);
  registerDetectors(program);
  registerWorker(program);
  registerBatch(program);
}
