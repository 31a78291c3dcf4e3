import { Router } from 'express';
import type { AppDeps } from './app.js';
import { getFlag, listFlags, verdictHistory } from '../db/queue.js';
import { addVerdict, VerdictError } from '../db/verdicts.js';
import { requireReviewer, reviewerOf } from './auth.js';
import { HttpError } from './errors.js';
import { flagExists } from '../db/flags.js';
import { jsonCache } from './cache.js';
import { NoQuery, parse } from './validate.js';
import { toFilter } from './flag-query.js';
import {
  IdParam,
  QueueQuery,
  VerdictBody,
  type FlagDetail,
  type FlagPage,
  type VerdictCreated,
} from '../../contract/index.js';

export function flagsRouter({ db }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(db);
  r.get('/', (req, res) => {
    const q = parse(QueueQuery, req.query, 'query');
    if (q.after !== undefined && !flagExists(db, q.after)) throw new HttpError(400, `after: no flag ${q.after}`);
    send(req, res, (): FlagPage =>
      listFlags(db, { ...toFilter(q), status: q.status, sort: q.sort, after: q.after, limit: q.limit }),
    );
  });
  r.get('/:id', (req, res) => {
    const { id: flagId } = parse(IdParam, req.params, 'flag id');
    parse(NoQuery, req.query, 'query');
    const flag = getFlag(db, flagId);
    if (!flag) throw new HttpError(404, `no flag ${flagId}`);
    res.json({ flag, history: verdictHistory(db, flagId) } satisfies FlagDetail);
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
      res.status(201).json({ verdict: verdictId, flag, history: verdictHistory(db, flagId) } satisfies VerdictCreated);
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
