import { tx, type Db } from './index.js';
import type { Store } from './store.js';
import { sqliteAuditReads } from './audit-reads.js';
import { changeStamp } from './change-stamp.js';
import { addReviewer, checkToken, countReviewers, reviewerExists } from './reviewers.js';
import { assignAudit, reviewerIdByName, reviewerProgress } from './progress.js';
import { listAuditPage, listDocumentPage } from './listing.js';
import { getDocument, getSegments } from './documents.js';
import { documentAlignments } from './alignments.js';
import { auditExists, deleteAudit } from './audits.js';
import { getFlag, listFlags, verdictHistory } from './queue.js';
import { flagExists } from './flags.js';
import { addVerdict } from './verdicts.js';
import { undoLast } from './undo.js';
import { bulkCounts, bulkVerdict } from './bulk.js';
import { reviewStats } from './stats.js';
import { latestRun } from './batch.js';

// The Store on SQLite: the repository functions as they are (synchronous, each in the transaction it always
// had), answered as promises. Nothing here is new SQL.

export function sqliteStore(db: Db): Store {
  const stamp = changeStamp(db);
  const reads = sqliteAuditReads(db);
  const now = <T>(f: () => T): Promise<T> => {
    try {
      return Promise.resolve(f());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return {
    backend: 'sqlite',
    name: db.name,
    sqlite: db,
    changeStamp: () => now(stamp),
    close: () => now(() => void db.close()),
    checkToken: (token, days) => now(() => checkToken(db, token, days)),
    countReviewers: () => now(() => countReviewers(db)),
    createReviewer: (name, role) =>
      now(() => tx(db, () => (reviewerExists(db, name) ? null : addReviewer(db, name, role)))),
    reviewerIdByName: (name) => now(() => reviewerIdByName(db, name)),
    reviewerProgress: () => now(() => reviewerProgress(db)),
    assignAudit: (a, r, by) => now(() => tx(db, () => assignAudit(db, a, r, by))),
    listAuditPage: (q) => now(() => listAuditPage(db, q)),
    listDocumentPage: (q) => now(() => listDocumentPage(db, q)),
    documentDetail: (id) =>
      now(() => {
        const document = getDocument(db, id);
        return document && { document, segments: getSegments(db, id), alignments: documentAlignments(db, id) };
      }),
    auditExists: (id) => now(() => auditExists(db, id)),
    deleteAudit: (id) => now(() => deleteAudit(db, id)),
    auditReads: (id) => now(() => (auditExists(db, id) ? reads : undefined)),
    listFlags: (q) => now(() => listFlags(db, q)),
    getFlag: (id) => now(() => getFlag(db, id)),
    flagExists: (id) => now(() => flagExists(db, id)),
    verdictHistory: (id) => now(() => verdictHistory(db, id)),
    addVerdict: (v) => now(() => addVerdict(db, v)),
    undoLast: (r) => now(() => undoLast(db, r)),
    bulkCounts: (id) => now(() => bulkCounts(db, id)),
    bulkVerdict: (b) => now(() => bulkVerdict(db, b)),
    reviewStats: (f) => now(() => reviewStats(db, f)),
    latestRun: () => now(() => latestRun(db)),
  };
}
