import type { Command } from 'commander';
import { defaultDbPath } from '../config.js';
import { openExistingDb } from '../db/index.js';
import { checkOutputPath } from '../fs/output-path.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { InputError, UsageError } from '../errors.js';
import { EXPORT_FORMATS, type ExportFormat } from '../pipeline/export/formats.js';
import { isPostgresUrl } from '../db/pg/url.js';
import type { AuditSource } from '../db/audit-reads.js';

interface ExportOpts {
  db: string;
  audit: string;
  format: string;
  out?: string;
  force?: boolean;
  document?: string;
  dropBoilerplate?: boolean;
}

const positiveInt = (name: string, s: string): number => {
  if (!/^[1-9]\d*$/.test(s)) throw new UsageError(`${name} must be a positive integer, not "${s}"`);
  return Number(s);
};

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export an audit: corrected copy (txt, md, html) or reviewed pairs (tmx, xliff, csv, jsonl)')
    .requiredOption('--audit <id>', 'audit id')
    .requiredOption('--format <format>', EXPORT_FORMATS.join('|'))
    .option('--db <file|url>', 'database file, or postgres://… (env TAPAT_DB)', defaultDbPath())
    .option('--out <file>', 'write here instead of stdout (written aside and renamed; never the database)')
    .option('--force', 'replace an existing --out file')
    .option('--document <id>', 'txt/md/html: the document (default: the pivot); pairs: the target version')
    .option('--drop-boilerplate', 'leave scrape junk (boilerplate lines) out of the corrected copy')
    .addHelpText(
      'after',
      `
Corrected copy: a flag's current verdict (its latest verdict not undone) applies when it is 'correct'
(its text) or 'approve' of a flag with a suggestion (e.g. a spin restoration), at the flag's offsets;
every other character is as ingested. Overlapping corrections: taken by start offset, then the longer
span, then the lower flag id; one overlapping an earlier-taken one is skipped.
Pairs (tmx, xliff, csv, jsonl): the pivot against one version, bead by bead; state initial (no target),
translated (no flag of the pair decided), reviewed (some decided), final (all decided).`,
    )
    .action(async (opts: ExportOpts) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${opts.format}"`);
      const auditId = positiveInt('--audit', opts.audit);
      const documentId = opts.document === undefined ? null : positiveInt('--document', opts.document);
      const { exportAudit } = await import('../pipeline/export/index.js');
      // checked before any work: a typo must not cost the database or an existing file
      const out =
        opts.out === undefined
          ? null
          : checkOutputPath(opts.out, { option: '--out', force: opts.force ?? false, db: opts.db });
      const write = (source: AuditSource): void => {
        const r = exportAudit(source, auditId, {
          format: opts.format as ExportFormat,
          documentId,
          dropBoilerplate: opts.dropBoilerplate ?? false,
        });
        if (out) writeFileAtomic(out, r.body);
        else process.stdout.write(r.body);
      };
      if (isPostgresUrl(opts.db)) {
        // the audit's rows are read in one snapshot, then exported by the same code as on SQLite
        const { openPgStore } = await import('../db/pg/store.js');
        const store = await openPgStore(opts.db, { max: 2 });
        try {
          const reads = await store.auditReads(auditId);
          if (!reads) throw new InputError(`no audit ${auditId}`);
          write(reads);
        } finally {
          await store.close();
        }
        return;
      }
      const db = openExistingDb(opts.db);
      try {
        write(db);
      } finally {
        db.close();
      }
    });
}
