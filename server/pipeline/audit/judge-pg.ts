import type { Config } from '../../config.js';
import { InputError } from '../../errors.js';
import { pgTx, type PgPool } from '../../db/pg/connect.js';
import { lockAuditPg } from '../../db/pg/audit-reads.js';
import { pgStore } from '../../db/pg/store.js';
import { reconcileFlagsPg } from '../../db/pg/flags.js';
import type { ModelLayer, JudgeOptions } from './model.js';
import { loadStoredStory, storyTexts } from './stored.js';
import { judgedToStore, type JudgedStory } from './service.js';

// `tapat judge --db postgres://…`: the audit service's judgeStored on PostgreSQL. The story is read in one
// snapshot, judged (the model call holds no transaction open), and its flags reconciled in one transaction that
// holds the audit's row lock, as a worker's story commit does — so a judge run and a batch re-auditing the same
// story never interleave their flags.

export async function judgeStoredPg(
  pool: PgPool,
  _cfg: Config,
  model: ModelLayer,
  auditId: number,
  opts: JudgeOptions,
): Promise<JudgedStory> {
  const judge = model.judge;
  if (!judge) throw new InputError('the LLM judge is not configured');
  const reads = await pgStore(pool, '').auditReads(auditId); // one snapshot
  if (!reads) throw new InputError(`no audit ${auditId} in this database`);
  const story = loadStoredStory(reads, auditId, model.judgeDetector);
  const result = await judge(story.ctx, story.offline, opts);
  const stored = await pgTx(pool, async (c) => {
    if (!(await lockAuditPg(c, auditId)))
      throw new InputError(`audit ${auditId} was deleted while it was judged; nothing stored`);
    return reconcileFlagsPg(c, auditId, judgedToStore(story, result), storyTexts(story));
  });
  return { story, result, stored };
}
