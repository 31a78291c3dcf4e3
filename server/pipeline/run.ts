import type { Db } from '../db/index.js';
import { tx } from '../db/index.js';
import { storeDocument } from '../db/documents.js';
import type { Config } from '../config.js';
import { ingestFile } from './ingest/index.js';
import { segmentDoc } from './segment/index.js';
import { discoverStories } from './group/index.js';
import { checkInputs, expandFiles } from './batch/inputs.js';
import { loadSegmentedDoc } from './batch/story.js';
import { AuditService } from './audit/service.js';

// Synchronous audit of a few files (the sample corpus at server start): the same phases as the batch
// driver (store, group, then each story through the audit service) inline, without a run record, workers
// or the model layer.
// Bad input refuses the whole call before anything is written. Large inputs go through runBatch().

export interface AuditSummary {
  documents: number;
  created: number;
  audits: number[];
}

export function auditPaths(db: Db, cfg: Config, paths: string[]): AuditSummary {
  checkInputs(paths, cfg.limits.maxFileBytes, cfg.limits.maxFilesPerBatch);
  const docs = [...expandFiles(paths)]
    .flatMap((f) => ingestFile(f, { maxBytes: cfg.limits.maxFileBytes }))
    .map(segmentDoc);
  let created = 0;
  const ids = tx(db, () =>
    docs.map((d) => {
      const r = storeDocument(db, d);
      if (r.created) created++;
      return r.id;
    }),
  );
  const unique = [...new Set(ids)];
  const service = new AuditService(db, cfg);
  const audits = discoverStories(unique, (id) => loadSegmentedDoc(db, id)).map((plan) => service.auditOffline(plan));
  return { documents: docs.length, created, audits };
}
