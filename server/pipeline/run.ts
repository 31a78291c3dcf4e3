import type { Db } from '../db/index.js';
import { tx } from '../db/index.js';
import { storeDocument } from '../db/documents.js';
import type { Config } from '../config.js';
import { ingestFile } from './ingest/index.js';
import { segmentDoc } from './segment/index.js';
import { discoverStories } from './group/index.js';
import { checkInputs, expandFiles } from './batch/inputs.js';
import { analyseStory } from './batch/analyse.js';
import { commitStory, loadSegmentedDoc, prepareStory } from './batch/story.js';

// Synchronous audit of a few files (the sample corpus at server start): the same phases as the batch
// driver (store, group, align + detect, commit per story) inline, without a run record or workers.
// Bad input refuses the whole call before anything is written. Large inputs go through runBatch().

export interface AuditSummary {
  documents: number;
  created: number;
  audits: number[];
}

export function auditPaths(db: Db, cfg: Config, paths: string[]): AuditSummary {
  checkInputs(paths, cfg.limits.maxFileBytes, cfg.limits.maxFilesPerBatch);
  const docs = [...expandFiles(paths)].flatMap((f) => ingestFile(f, { maxBytes: cfg.limits.maxFileBytes })).map(segmentDoc);
  let created = 0;
  const ids = tx(db, () =>
    docs.map((d) => {
      const r = storeDocument(db, d);
      if (r.created) created++;
      return r.id;
    }),
  );
  const unique = [...new Set(ids)];
  const audits = discoverStories(unique, (id) => loadSegmentedDoc(db, id)).map((plan) => {
    const work = prepareStory(db, plan, cfg.thresholds);
    return commitStory(db, work, analyseStory(work.job), null);
  });
  return { documents: docs.length, created, audits };
}
