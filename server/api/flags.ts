import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { getFlag, listFlags, QUEUE_SORTS, QUEUE_STATUSES, verdictHistory } from '../db/queue.js';
import { addVerdict, VerdictError } from '../db/verdicts.js';
import { requireReviewer, reviewerOf } from './auth.js';
import { HttpError } from './errors.js';
import { flagExists } from '../db/flags.js';
import { jsonCache } from './cache.js';
import { NoQuery, parse } from './validate.js';
import { own } from '../lang/own.js';
import { FilterFields, toFilter } from './flag-query.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const id = z.coerce.number().int().positive();

const ACTION_ALIAS: Record<string, string> = { approve: 'approved', reject: 'rejected', correct: 'corrected' };

const QueueQuery = z
  .object({
    // a verdict's action names the same status as its past tense (?status=approve means approved)
    status: z.preprocess((v) => (typeof v === 'string' ? (own(ACTION_ALIAS, v) ?? v) : v), z.enum(QUEUE_STATUSES)).default('active'),
    ...FilterFields,
    sort: z.enum(QUEUE_SORTS).default('severity'),
    after: id.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const MAX_CORRECTION = 20_000;
const VerdictBody = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['approve', 'reject', 'undo']), version: z.number().int().positive() }).strict(),
  z
    .object({
      action: z.literal('correct'),
      version: z.number().int().positive(),
      text: z.string().trim().min(1, 'a correction needs its corrected text').max(MAX_CORRECTION),
    })
    .strict(),
]);

export function flagsRouter({ db }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(db);
  r.get('/', (req, res) => {
    const q = parse(QueueQuery, req.query, 'query');
    if (q.after !== undefined && !flagExists(db, q.after)) throw new HttpError(400, `after: no flag ${q.after}`);
    send(req, res, () =>
      listFlags(db, { ...toFilter(q), status: q.status, sort: q.sort, after: q.after, limit: q.limit }),
    );
  });
  r.get('/:id', (req, res) => {
    const { id: flagId } = parse(IdParam, req.params, 'flag id');
    parse(NoQuery, req.query, 'query');
    const flag = getFlag(db, flagId);
    if (!flag) throw new HttpError(404, `no flag ${flagId}`);
    res.json({ flag, history: verdictHistory(db, flagId) });
  });
  r.post('/:id/verdicts', requireReviewer(db), (req, res) => {
    const { id: flagId } = parse(IdParam, req.params, 'flag id');
    const body = parse(VerdictBody, req.body ?? {}, 'body');
    try {
      const { verdictId, flag } = addVerdict(db, {
        flagId,
        reviewer: reviewerOf(req),
        action: body.action,
        version: body.version,
        text: body.action === 'correct' ? body.text : undefined,
      });
      res.status(201).json({ verdict: verdictId, flag, history: verdictHistory(db, flagId) });
    } catch (e) {
      if (!(e instanceof VerdictError)) throw e;
      const f = e.refusal;
      if (f.kind === 'not_found') throw new HttpError(404, `no flag ${flagId}`);
      if (f.kind === 'forbidden') throw new HttpError(403, f.message);
      throw new HttpError(409, f.message, { flag: f.flag, history: verdictHistory(db, flagId) });
    }
  });
  return r;
}
