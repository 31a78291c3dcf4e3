import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/index.js';
import { tx } from '../db/index.js';
import { storeDocument } from '../db/documents.js';
import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import { ingestFile } from './ingest/index.js';
import { segmentDoc } from './segment/index.js';

// FIRST CUT of the batch driver: ingest + segment + store, all or nothing.
// The batch issue grows this into grouping, alignment, detection, resumable runs.

export interface AuditSummary {
  documents: number;
  created: number;
}

export function expandInputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError('no such file or folder', p);
    }
    if (st.isDirectory()) out.push(...expandInputs(readdirSync(p).sort().map((n) => join(p, n))));
    else out.push(p);
  }
  return out;
}

export function auditPaths(db: Db, cfg: Config, paths: string[]): AuditSummary {
  const docs = expandInputs(paths)
    .flatMap((f) => ingestFile(f, { maxBytes: cfg.limits.maxFileBytes }))
    .map(segmentDoc);
  let created = 0;
  tx(db, () => {
    for (const d of docs) if (storeDocument(db, d).created) created++;
  });
  return { documents: docs.length, created };
}
