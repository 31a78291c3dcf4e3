import type { Db } from '../db/index.js';
import type { Config } from '../config.js';
import type { ModelLayer } from '../pipeline/audit/model.js';
import { createLlm } from './client.js';
import { embedTexts } from './embeddings.js';
import { judgeStoryContext } from './judge-story.js';
import { JUDGE_DETECTOR } from './judge.js';

/**
 * The model layer for the audit service, from the configuration (TAPAT_LLM_* / llm.*): one client shared by
 * every story of the run (its budget, counters and cache); null when no model is configured. Without a SQLite
 * database (db null: a PostgreSQL one) the model's answers are not cached between runs.
 */
export function modelLayer(db: Db | null, cfg: Config): ModelLayer | null {
  const llm = createLlm(db, cfg);
  if (!llm) return null;
  const layer: ModelLayer = { stats: llm.stats, judgeDetector: JUDGE_DETECTOR };
  if (llm.settings.embedModel) {
    layer.embed = (docs) =>
      Promise.all(
        docs.map((d) =>
          embedTexts(
            db,
            cfg,
            d.segments.map((s) => s.text),
            { client: llm },
          ),
        ),
      );
  }
  if (llm.settings.chatModel)
    layer.judge = (ctx, placed, opts = {}) => judgeStoryContext(db, cfg, ctx, placed, { ...opts, client: llm });
  return layer;
}
