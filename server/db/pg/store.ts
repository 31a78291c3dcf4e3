import type { Store } from '../store.js';
import { openPg, pgTx, type PgClient, type PgPool } from './connect.js';
import { row } from './sql.js';
import { checkTokenPg, createReviewerPg } from './reviewers.js';
import { assignAuditPg, latestRunPg, reviewerProgressPg } from './progress.js';
import { listAuditPagePg, listDocumentPagePg, reviewStatsPg } from './lists.js';
import { auditReadsPg, documentDetailPg } from './audit-reads.js';
import { getFlagPg, listFlagsPg, verdictHistoryPg } from './queue.js';
import { addVerdictPg, undoLastPg } from './verdicts.js';
import { bulkCountsPg, bulkVerdictPg } from './bulk.js';

// The Store on PostgreSQL: one pool for the server. Reads that make one answer out of several queries (the
// three-way view, a document with its alignments) run in one REPEATABLE READ snapshot, so the answer is of
// one moment; the review's writes run SERIALIZABLE (serializable.ts).

/** The URL without its password (for messages: a command line a user can copy). */
export function pgName(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${u.username}@` : '';
    return `postgres://${user}${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres://…';
  }
}

function snapshot<T>(pool: PgPool, fn: (c: PgClient) => Promise<T>): Promise<T> {
  return pgTx(pool, fn, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}

export async function openPgStore(url: string, opts: { max?: number } = {}): Promise<Store> {
  const pool = await openPg(url, { max: opts.max ?? 10 });
  return pgStore(pool, pgName(url));
}

export function pgStore(pool: PgPool, name: string): Store {
  return {
    backend: 'postgres',
    name,
    sqlite: null,
    changeStamp: async () => String((await row<{ n: number }>(pool, 'SELECT n FROM change_stamp WHERE id = 1'))!.n),
    close: () => pool.end(),
    checkToken: (token, days) => checkTokenPg(pool, token, days),
    countReviewers: async () => (await row<{ n: number }>(pool, 'SELECT COUNT(*) AS n FROM reviewers'))!.n,
    createReviewer: (n, role) => createReviewerPg(pool, n, role),
    reviewerIdByName: async (n) =>
      (await row<{ id: number }>(pool, 'SELECT id FROM reviewers WHERE name = ?', [n]))?.id,
    reviewerProgress: () => reviewerProgressPg(pool),
    assignAudit: (a, r, by) => pgTx(pool, (c) => assignAuditPg(c, a, r, by)),
    listAuditPage: (q) => listAuditPagePg(pool, q),
    listDocumentPage: (q) => listDocumentPagePg(pool, q),
    documentDetail: (id) => snapshot(pool, (c) => documentDetailPg(c, id)),
    auditExists: async (id) => !!(await row(pool, 'SELECT 1 FROM audits WHERE id = ?', [id])),
    deleteAudit: async (id) => ((await pool.query('DELETE FROM audits WHERE id = $1', [id])).rowCount ?? 0) > 0,
    auditReads: (id) => snapshot(pool, (c) => auditReadsPg(c, id)),
    listFlags: (q) => listFlagsPg(pool, q),
    getFlag: (id) => getFlagPg(pool, id),
    flagExists: async (id) => !!(await row(pool, 'SELECT 1 FROM flags WHERE id = ?', [id])),
    verdictHistory: (id) => verdictHistoryPg(pool, id),
    addVerdict: (v) => addVerdictPg(pool, v),
    undoLast: (r) => undoLastPg(pool, r),
    bulkCounts: (id) => bulkCountsPg(pool, id),
    bulkVerdict: (b) => bulkVerdictPg(pool, b),
    reviewStats: (f) => reviewStatsPg(pool, f),
    latestRun: () => latestRunPg(pool),
  };
}
