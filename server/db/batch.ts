import { stmt } from './stmt.js';
import type { Db } from './index.js';
import { fromJson, toJson } from './index.js';
import { hostname } from 'node:os';
import { nowIso } from '../clock.js';
import { InputError } from '../errors.js';

// Storage of batch runs (resumable audits): a run is found again by the hash of its inputs and options;
// items (files, JSONL records) and stories are recorded as they are committed, so a re-run after a
// crash skips exactly what was committed.

export interface BatchRun {
  id: number;
  key: string;
  status: 'running' | 'done' | 'failed';
  resumed: boolean;
}

// Who runs a run: while it is 'running' its stats column holds its owner (finishRun replaces it with the
// figures). The same batch started twice at once would otherwise resume one run from two processes, and
// both insert the same items; the second is refused instead, and a run whose owner died (kill -9) resumes.
interface Owner {
  pid: number;
  host: string;
  since: string;
}
/** Runs this process is running now (a server may run batches, and its pid is alive whatever the run's state). */
const active = new Set<number>();

function ownerAlive(runId: number, owner: Owner): boolean {
  if (owner.host !== hostname()) return true; // another machine's process cannot be checked: assume it runs
  if (owner.pid === process.pid) return active.has(runId);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * The unfinished (running, or failed part-way) run with this key, or a new one; claimed by this process in
 * one IMMEDIATE transaction. Refused (one line) while the same batch runs in a live process.
 */
export function startRun(db: Db, key: string, options: Record<string, unknown>): BatchRun {
  const owner: Owner = { pid: process.pid, host: hostname(), since: nowIso() };
  const run = db
    .transaction((): BatchRun => {
      const open = db
        .prepare(
          "SELECT id, status, stats FROM batch_runs WHERE key = ? AND status IN ('running', 'failed') ORDER BY id DESC LIMIT 1",
        )
        .get(key) as { id: number; status: string; stats: string | null } | undefined;
      if (open) {
        const was = fromJson<{ owner?: Owner }>(open.stats, {}).owner;
        if (open.status === 'running' && was && ownerAlive(open.id, was)) {
          throw new InputError(
            `this batch is already running (process ${was.pid}${was.host === owner.host ? '' : ` on ${was.host}`}, since ${was.since}); ` +
              'wait for it to finish, then run it again to resume or see its report',
          );
        }
        db.prepare("UPDATE batch_runs SET status = 'running', finished_at = NULL, stats = ? WHERE id = ?").run(
          toJson({ owner }),
          open.id,
        );
        return { id: open.id, key, status: 'running', resumed: true };
      }
      const info = db
        .prepare("INSERT INTO batch_runs (key, status, options, stats, started_at) VALUES (?, 'running', ?, ?, ?)")
        .run(key, toJson(options), toJson({ owner }), nowIso());
      return { id: Number(info.lastInsertRowid), key, status: 'running', resumed: false };
    })
    .immediate();
  active.add(run.id);
  return run;
}

/** This process no longer runs the run (however it ended): a later start in this process may resume it. */
export function releaseRun(runId: number): void {
  active.delete(runId);
}

export function finishRun(db: Db, runId: number, status: 'done' | 'failed', stats: Record<string, unknown>): void {
  db.prepare('UPDATE batch_runs SET status = ?, stats = ?, finished_at = ? WHERE id = ?').run(
    status,
    toJson(stats),
    nowIso(),
    runId,
  );
}

export function runStats(db: Db, runId: number): Record<string, unknown> {
  const r = db.prepare('SELECT stats FROM batch_runs WHERE id = ?').get(runId) as { stats: string } | undefined;
  return fromJson(r?.stats, {});
}

/** Keys of the items this run has already committed (done or refused). */
export function committedItems(db: Db, runId: number): Set<string> {
  const rows = db.prepare('SELECT item_key FROM batch_items WHERE run_id = ?').pluck().all(runId) as string[];
  return new Set(rows);
}

/** Call inside the tx that stores the item's document, so both commit together. */
export function recordItem(
  db: Db,
  runId: number,
  itemKey: string,
  documentId: number | null,
  refusal: string | null,
): void {
  stmt(db, 'INSERT INTO batch_items (run_id, item_key, status, document_id, message) VALUES (?, ?, ?, ?, ?)').run(
    runId,
    itemKey,
    refusal === null ? 'done' : 'refused',
    documentId,
    refusal,
  );
}

/** The run's distinct documents in input order (first appearance). */
export function runDocumentIds(db: Db, runId: number): number[] {
  return db
    .prepare(
      `SELECT document_id FROM batch_items WHERE run_id = ? AND document_id IS NOT NULL
       GROUP BY document_id ORDER BY MIN(rowid)`,
    )
    .pluck()
    .all(runId) as number[];
}

export interface Refusal {
  item: string;
  message: string;
}
export function runRefusals(db: Db, runId: number): Refusal[] {
  return db
    .prepare("SELECT item_key AS item, message FROM batch_items WHERE run_id = ? AND status = 'refused' ORDER BY rowid")
    .all(runId) as Refusal[];
}

export function storyAudit(db: Db, runId: number, storyKey: string): number | undefined {
  return stmt(db, 'SELECT audit_id FROM batch_stories WHERE run_id = ? AND story_key = ?')
    .pluck()
    .get(runId, storyKey) as number | undefined;
}

/** Call inside the tx that stores the story's alignments and flags. */
export function recordStory(db: Db, runId: number, storyKey: string, auditId: number): void {
  stmt(db, 'INSERT INTO batch_stories (run_id, story_key, audit_id) VALUES (?, ?, ?)').run(runId, storyKey, auditId);
}

export interface RunProgress {
  id: number;
  status: 'running' | 'done' | 'failed';
  started_at: string;
  finished_at: string | null;
  /** items committed so far (documents stored or refused) */
  items: number;
  refused: number;
  audits: number;
}

/** The newest batch run and how far it got, for the upload page's progress line. */
export function latestRun(db: Db): RunProgress | null {
  return (
    (stmt(
      db,
      `SELECT r.id, r.status, r.started_at, r.finished_at,
         (SELECT COUNT(*) FROM batch_items i WHERE i.run_id = r.id) AS items,
         (SELECT COUNT(*) FROM batch_items i WHERE i.run_id = r.id AND i.status = 'refused') AS refused,
         (SELECT COUNT(*) FROM batch_stories s WHERE s.run_id = r.id) AS audits
       FROM batch_runs r ORDER BY r.id DESC LIMIT 1`,
    ).get() as RunProgress | undefined) ?? null
  );
}
