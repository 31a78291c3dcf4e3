import type { Command } from 'commander';
import { defaultDbPath, loadConfig } from '../config.js';
import { openExistingDb } from '../db/index.js';
import { UsageError } from '../errors.js';
import { llmSettings } from '../llm/settings.js';
import { docFlagRecord, sided } from '../core/flag-record.js';
import { writeJsonl, writeLine } from './io.js';
import type { JudgeRecord } from '../../contract/index.js';
import { isPostgresUrl } from '../db/pg/url.js';
import type { JudgedStory } from '../pipeline/audit/service.js';

// tapat judge: the optional LLM judge over an audit already stored. Its findings are stored as flags of
// detector llm-mqm (they then show in the review UI); offline flags it confirms or disputes get a new
// confidence with the offline one kept in evidence.llm. Endpoint trouble never fails the command: what was
// skipped is said, and everything already stored stays.
export function registerJudge(program: Command): void {
  program
    .command('judge')
    .description(
      'ask the configured LLM (OpenAI-compatible endpoint) for MQM error spans on flagged or weakly aligned pairs of an audit',
    )
    .requiredOption('--audit <id>', 'audit id')
    .option('--db <file|url>', 'database file, or postgres://… (env TAPAT_DB)', defaultDbPath())
    .option('--all', 'judge every aligned pair, not only flagged or weakly aligned ones')
    .option('--below <score>', 'also judge pairs whose alignment score is below this', '0.3')
    .option('--jsonl', "print the judge's findings as JSON lines (the summary goes to stderr)")
    .action(async (opts: { audit: string; db: string; all?: boolean; below: string; jsonl?: boolean }) => {
      const auditId = Number(opts.audit);
      const lowScore = Number(opts.below);
      if (!Number.isInteger(auditId) || auditId <= 0) throw new UsageError(`--audit: not an audit id: ${opts.audit}`);
      if (!Number.isFinite(lowScore)) throw new UsageError(`--below: not a number: ${opts.below}`);
      const cfg = loadConfig();
      const settings = llmSettings(cfg);
      if (!settings?.chatModel) {
        throw new UsageError(
          'the LLM judge is not configured: set TAPAT_LLM_BASE_URL and TAPAT_LLM_MODEL (or llm.baseUrl and llm.model in tapat.config.json)',
        );
      }
      const [{ AuditService }, { modelLayer }, { JUDGE_DETECTOR, judgeSummary }] = await Promise.all([
        import('../pipeline/audit/service.js'),
        import('../llm/model-layer.js'),
        import('../llm/judge.js'),
      ]);
      const judgeOpts = { all: opts.all === true, lowScore };
      const run = async (): Promise<{ close: () => Promise<void> } & JudgedStory> => {
        if (isPostgresUrl(opts.db)) {
          // no SQLite file: the model's answers are not cached between runs (modelLayer with no db)
          const [{ openPg }, { judgeStoredPg }] = await Promise.all([
            import('../db/pg/connect.js'),
            import('../pipeline/audit/judge-pg.js'),
          ]);
          const pool = await openPg(opts.db, { max: 2 });
          try {
            const model = modelLayer(null, cfg)!;
            return { ...(await judgeStoredPg(pool, cfg, model, auditId, judgeOpts)), close: () => pool.end() };
          } catch (e) {
            await pool.end();
            throw e;
          }
        }
        const db = openExistingDb(opts.db);
        try {
          const out = await new AuditService(db, cfg, modelLayer(db, cfg)).judgeStored(auditId, judgeOpts);
          return { ...out, close: async () => void db.close() };
        } catch (e) {
          db.close();
          throw e;
        }
      };
      const { story, result: r, stored, close } = await run();
      try {
        const say = opts.jsonl ? (s: string) => process.stderr.write(`${s}\n`) : writeLine;
        if (opts.jsonl) {
          const { versions: docs, pivot } = story.ctx;
          writeJsonl(
            r.placed
              .filter((p) => p.finding.detector === JUDGE_DETECTOR)
              .map(({ versionIndex, finding: f }): JudgeRecord =>
                docFlagRecord(sided(f, versionIndex === pivot ? 'src' : 'tgt'), docs[versionIndex]!.doc.path, f.span),
              ),
          );
        }
        say(judgeSummary(r.stats));
        if (story.alignedOnTheFly)
          say(`${story.alignedOnTheFly} version(s) had no stored alignment and were aligned on the spot`);
        say(
          `flags: ${stored.inserted} new, ${stored.updated} updated, ${stored.unchanged} unchanged, ${stored.staled} stale`,
        );
      } finally {
        await close();
      }
    });
}
