import type { Db } from '../../db/index.js';
import { tx } from '../../db/index.js';
import { reconcileFlags, type FindingToStore, type ReconcileResult } from '../../db/flags.js';
import type { Config } from '../../config.js';
import { InputError } from '../../errors.js';
import type { StoryPlan } from '../group/index.js';
import { analyseStory, type StoryAnalysis } from '../batch/analyse.js';
import { commitStory, prepareStory, type StoryWork } from '../batch/story.js';
import type { JudgeOptions, JudgeResult, ModelLayer } from './model.js';
import { loadStoredStory, toStore, type StoredStory } from './stored.js';

// The one audit service: how a story is audited, whoever asks — the batch driver (commands and the API's
// uploads, with the offline analysis in worker threads), the sample corpus loaded at server start (inline),
// and `tapat judge` on a story stored earlier. Each story goes prepare → (model: embeddings) → offline
// analysis → (model: judge) → one commit; the model layer is a plug-in (model.ts), null when offline.

export interface JudgedStory {
  story: StoredStory;
  result: JudgeResult;
  stored: ReconcileResult;
}

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly cfg: Config,
    readonly model: ModelLayer | null = null,
  ) {}

  /** A story's documents loaded for analysis. */
  prepare(plan: StoryPlan): StoryWork {
    return prepareStory(this.db, plan, this.cfg.thresholds);
  }

  /** What the model layer adds before the offline analysis: sentence embeddings, an extra alignment signal. */
  async enrich(work: StoryWork): Promise<void> {
    if (this.model?.embed) work.job.embeddings = await this.model.embed(work.job.versions.map((v) => v.doc));
  }

  /** The model layer's judge (when configured) over the offline analysis, then the story stored whole. Returns the audit id. */
  async commit(work: StoryWork, analysis: StoryAnalysis, runId: number | null): Promise<number> {
    let final = analysis;
    if (this.model?.judge) {
      const versions = work.job.versions.map((v, i) => ({ ...v, role: analysis.roles[i]! }));
      const ctx = { versions, pivot: analysis.pivot, alignments: analysis.alignments, thresholds: {} };
      final = { ...analysis, findings: (await this.model.judge(ctx, analysis.findings)).placed };
    }
    return commitStory(this.db, work, final, runId);
  }

  /** A story audited inline and offline (a few files, e.g. the sample corpus): no worker, no model, no run. */
  auditOffline(plan: StoryPlan): number {
    const work = this.prepare(plan);
    return commitStory(this.db, work, analyseStory(work.job), null);
  }

  /**
   * A stored audit judged by the model layer after the fact: earlier judge flags stay unless their pair is
   * judged again (a partial run keeps them), and the flags are reconciled in one transaction.
   */
  async judgeStored(auditId: number, opts: JudgeOptions): Promise<JudgedStory> {
    const judge = this.model?.judge;
    if (!this.model || !judge) throw new InputError('the LLM judge is not configured');
    const story = loadStoredStory(this.db, auditId, this.model.judgeDetector);
    const result = await judge(story.ctx, story.offline, opts);
    const stored = tx(this.db, () => reconcileFlags(this.db, auditId, judgedToStore(story, result)));
    return { story, result, stored };
  }
}

/** What a judge run leaves stored: its findings, and earlier judge flags on pairs it did not judge again. */
export function judgedToStore(story: StoredStory, result: JudgeResult): FindingToStore[] {
  const rejudged = (p: (typeof story.judged)[number]): boolean =>
    result.judgedPairs.some(
      (j) => j.version === p.versionIndex && p.finding.segments.some((s) => j.segments.includes(s)),
    );
  const kept = story.judged.filter((p) => !rejudged(p));
  return toStore(story, [...result.placed, ...kept]);
}
