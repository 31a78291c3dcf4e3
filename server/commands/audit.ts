import type { Command } from 'commander';
import { defaultDbPath, loadConfig } from '../config.js';
import { openDb } from '../db/index.js';
import { activeFlags, getAudit, type StoredFlag } from '../db/audits.js';
import { docFlagRecord, sided } from '../core/flag-record.js';
import type { Span } from '../core/types.js';
import { PartlySavedError, UsageError } from '../errors.js';
import { checkOutputPath } from '../fs/output-path.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { BatchPool, defaultWorkers } from '../pipeline/batch/pool.js';
import { writeLine } from './io.js';
import { isPostgresUrl } from '../db/pg/url.js';
import { statsLine } from '../llm/stats.js';
import type { AuditRecord, BatchReport } from '../../contract/index.js';

interface AuditOpts {
  db: string;
  jsonl?: boolean;
  report?: string;
  reportHtml?: string;
  force?: boolean;
  quiet?: boolean;
  workers?: string;
  enqueue?: boolean;
  jobTimeout?: string;
}

const spanOf = (start: number | null, end: number | null): Span | null =>
  start === null || end === null ? null : { start, end };

/** A stored flag as a JSONL record: the story's pivot is the source side, any other version the target. */
function storedFlagRecord(f: StoredFlag, pivot: number | null): AuditRecord {
  const span = spanOf(f.start, f.end);
  const facts = { ...f, otherSegments: f.other_segments, span, otherSpan: spanOf(f.other_start, f.other_end) };
  return docFlagRecord(sided(facts, f.document_id === pivot ? 'src' : 'tgt'), f.path, span);
}

function parseWorkers(s: string | undefined): number {
  if (s === undefined) return defaultWorkers();
  if (!/^\d+$/.test(s) || Number(s) > 64) throw new UsageError(`--workers must be an integer from 0 to 64, not "${s}"`);
  return Number(s);
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('batch: ingest, group into stories, align, detect and store files, folders or JSONL; resumable')
    .argument('<paths...>', 'files or folders (txt, md, html, jsonl)')
    .option('--db <file>', 'database file', defaultDbPath())
    .option('--jsonl', 'print each flag as a JSON line (as `tapat check`, plus "doc", "start", "end")')
    .option('--report <file>', 'write the batch report as JSON')
    .option('--report-html <file>', 'write the batch report as a self-contained HTML page')
    .option('--force', 'replace existing --report / --report-html files')
    .option('--quiet', 'no progress output')
    .option('--workers <n>', 'detector worker threads (0 = in the main thread; default: one per core)')
    .option('--enqueue', 'scale-out: record the batch in PostgreSQL (--db postgres://…) for `tapat worker` processes')
    .option(
      '--job-timeout <s>',
      'with --enqueue: seconds a job may run before the queue gives it to another worker (default 600)',
    )
    .action(async (paths: string[], opts: AuditOpts) => {
      if (opts.enqueue || isPostgresUrl(opts.db)) {
        if (!opts.enqueue)
          throw new UsageError(
            'a batch on PostgreSQL runs on `tapat worker` processes: add --enqueue, then start workers',
          );
        if (opts.jsonl || opts.report || opts.reportHtml)
          throw new UsageError(
            '--enqueue records the batch for workers: --jsonl, --report and --report-html do not apply',
          );
        const { enqueueCommand } = await import('./enqueue.js');
        return enqueueCommand(opts.db, loadConfig(), paths, opts);
      }
      // Report files are checked before the batch: a typo found after an hour of work, or one naming the
      // database, must cost nothing.
      const force = opts.force ?? false;
      const report =
        opts.report === undefined
          ? undefined
          : checkOutputPath(opts.report, { option: '--report', force, db: opts.db });
      const html =
        opts.reportHtml === undefined
          ? undefined
          : checkOutputPath(opts.reportHtml, { option: '--report-html', force, db: opts.db });
      if (report !== undefined && report === html)
        throw new UsageError('--report and --report-html name the same file');
      // The workers start first: they load their code while this thread loads the batch's (the pool is
      // closed by the run, or below when the run never starts).
      const pool = new BatchPool(parseWorkers(opts.workers));
      try {
        await audit(paths, { ...opts, report, reportHtml: html }, pool);
      } finally {
        await pool.close();
      }
    });
}

async function audit(paths: string[], opts: AuditOpts, pool: BatchPool): Promise<void> {
  const [
    { runBatch, committedText, noneCommitted },
    { Progress, progressMode },
    { batchReport },
    { reportHtml },
    { modelLayer },
  ] = await Promise.all([
    import('../pipeline/batch/driver.js'),
    import('../pipeline/batch/progress.js'),
    import('../pipeline/batch/report.js'),
    import('../pipeline/batch/report-html.js'),
    import('../llm/model-layer.js'),
  ]);
  const cfg = loadConfig();
  const db = openDb(opts.db);
  try {
    const progress = new Progress(progressMode(opts.quiet ?? false));
    const committed = noneCommitted();
    const s = await runBatch(db, cfg, paths, {
      workers: pool,
      progress,
      committed,
      model: modelLayer(db, cfg),
      onRefusal: (r) => process.stderr.write(`tapat: ${r.item}: refused: ${r.message}\n`),
      onStory: opts.jsonl
        ? (auditId) => {
            const pivot = getAudit(db, auditId)?.pivot_document_id ?? null;
            for (const f of activeFlags(db, auditId)) writeLine(JSON.stringify(storedFlagRecord(f, pivot)));
          }
        : undefined,
    }).catch((e: unknown) => {
      // a batch commits as it goes: say exactly what this command kept (the error itself stays as thrown
      // when nothing was, so its own message applies)
      throw committed.documents || committed.refused || committed.stories
        ? new PartlySavedError(e, committedText(committed))
        : e;
    });
    if (opts.report || opts.reportHtml) {
      const report = { ...batchReport(db, s.runId, s.audits, s.refused), llm: s.llm } satisfies BatchReport;
      const written: string[] = [];
      try {
        if (opts.report) {
          writeFileAtomic(opts.report, JSON.stringify(report, null, 2) + '\n');
          written.push(opts.report);
        }
        if (opts.reportHtml) writeFileAtomic(opts.reportHtml, reportHtml(report));
      } catch (e) {
        const batch = `the batch itself was saved (run ${s.runId}: ${s.documents} documents in ${new Set(s.audits).size} stories)`;
        throw new PartlySavedError(
          e,
          `${batch}; ${written.length ? `${written[0]} was written, the HTML report was not` : 'no report was written'}`,
        );
      }
    }
    if (!opts.jsonl && !opts.quiet)
      writeLine(
        `${s.documents} documents in ${new Set(s.audits).size} stories${s.resumed ? ' (resumed run)' : ''}; ` +
          `${s.refused.length} inputs refused`,
      );
    // The model layer reports what it did and skipped even with --quiet/--jsonl (on stderr, not the data stream).
    if (s.llm) process.stderr.write(`tapat: model layer: ${statsLine(s.llm)}\n`);
  } finally {
    db.close();
  }
}
