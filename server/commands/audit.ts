import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { defaultDbPath, loadConfig } from '../config.js';
import { openDb } from '../db/index.js';
import { activeFlags } from '../db/audits.js';
import { UsageError } from '../errors.js';
import { BatchPool, defaultWorkers } from '../pipeline/batch/pool.js';
import { writeLine } from './io.js';
import { statsLine } from '../llm/stats.js';

interface AuditOpts {
  db: string;
  jsonl?: boolean;
  report?: string;
  reportHtml?: string;
  quiet?: boolean;
  workers?: string;
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
    .option('--quiet', 'no progress output')
    .option('--workers <n>', 'detector worker threads (0 = in the main thread; default: one per core)')
    .action(async (paths: string[], opts: AuditOpts) => {
      // The workers start first: they load their code while this thread loads the batch's (the pool is
      // closed by the run, or below when the run never starts).
      const pool = new BatchPool(parseWorkers(opts.workers));
      try {
        await audit(paths, opts, pool);
      } finally {
        await pool.close();
      }
    });
}

async function audit(paths: string[], opts: AuditOpts, pool: BatchPool): Promise<void> {
  const [{ runBatch }, { Progress, progressMode }, { batchReport }, { reportHtml }] = await Promise.all([
    import('../pipeline/batch/driver.js'),
    import('../pipeline/batch/progress.js'),
    import('../pipeline/batch/report.js'),
    import('../pipeline/batch/report-html.js'),
  ]);
  const cfg = loadConfig();
  const db = openDb(opts.db);
  try {
    const progress = new Progress(progressMode(opts.quiet ?? false));
    const s = await runBatch(db, cfg, paths, {
      workers: pool,
      progress,
      onRefusal: (r) => process.stderr.write(`tapat: ${r.item}: refused: ${r.message}\n`),
      onStory: opts.jsonl
        ? (auditId) => {
            for (const f of activeFlags(db, auditId))
              writeLine(
                JSON.stringify({
                  src: f.other_segments,
                  tgt: f.segments,
                  detector: f.detector,
                  category: f.category,
                  severity: f.severity,
                  confidence: f.confidence,
                  message: f.message,
                  evidence: f.evidence,
                  doc: f.path,
                  start: f.start,
                  end: f.end,
                }),
              );
          }
        : undefined,
    });
    if (opts.report || opts.reportHtml) {
      const report = { ...batchReport(db, s.runId, s.audits, s.refused), llm: s.llm };
      if (opts.report) writeFileSync(opts.report, JSON.stringify(report, null, 2) + '\n');
      if (opts.reportHtml) writeFileSync(opts.reportHtml, reportHtml(report));
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
