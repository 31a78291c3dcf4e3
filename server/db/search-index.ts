import type { Db } from './index.js';
import { stmt } from './stmt.js';

// The full-text indexes (segments_fts, flags_fts) of a batch's rows are filled in one statement per index
// when the batch ends (and now and then while it runs), instead of by a trigger on every insert:
// migrations/0079_search_backlog.sql says how the index stays consistent meanwhile. Only the rows of an
// open backlog wait; rows inserted while none is open are indexed at once, as before.

interface Backlog {
  segments_from: number | null;
  flags_from: number | null;
}

// index.ts's tx, which cannot be imported here (openDb, in index.ts, calls catchUpSearch)
const immediate = <T>(db: Db, fn: () => T): T => db.transaction(fn).immediate();

const backlog = (db: Db): Backlog =>
  stmt(db, 'SELECT segments_from, flags_from FROM search_backlog WHERE id = 1').get() as Backlog;

const waiting = (b: Backlog): boolean => b.segments_from !== null || b.flags_from !== null;

/** Opens the backlog at the next ids, unless one is open (its rows wait too, and one catch-up takes them all). */
const OPEN_SQL = `UPDATE search_backlog SET
  segments_from = IFNULL(segments_from, (SELECT IFNULL(MAX(id), 0) + 1 FROM segments)),
  flags_from = IFNULL(flags_from, (SELECT IFNULL(MAX(id), 0) + 1 FROM flags))
  WHERE id = 1`;

/**
 * Rows inserted from now on are indexed by catchUpSearch, not one by one (a batch calls this when it
 * starts). A backlog already open (another batch's, or one a crash left) stays as it is.
 */
export function deferSearch(db: Db): void {
  immediate(db, () => stmt(db, OPEN_SQL).run());
}

/**
 * Indexes every waiting row and closes the backlog, in one transaction: search then finds exactly what it
 * would have found with row-by-row indexing. `reopen`: a new backlog starts at once (a batch that goes on).
 * Returns whether any row was waiting. openDb calls it too, for a backlog a killed batch left open (a batch
 * still running in another process then indexes its next rows one by one: slower, never wrong).
 */
export function catchUpSearch(db: Db, reopen = false): boolean {
  if (!reopen && !waiting(backlog(db))) return false;
  return immediate(db, () => {
    const b = backlog(db); // again under the write lock: another connection may have caught up meanwhile
    if (b.segments_from !== null)
      stmt(db, 'INSERT INTO segments_fts (rowid, text) SELECT id, text FROM segments WHERE id >= ?').run(
        b.segments_from,
      );
    if (b.flags_from !== null)
      stmt(
        db,
        'INSERT INTO flags_fts (rowid, message, suggestion) SELECT id, message, suggestion FROM flags WHERE id >= ?',
      ).run(b.flags_from);
    stmt(db, 'UPDATE search_backlog SET segments_from = NULL, flags_from = NULL WHERE id = 1').run();
    if (reopen) stmt(db, OPEN_SQL).run();
    return waiting(b);
  });
}
