import { Router } from 'express';
import type { AppDeps } from './app.js';
import { VerdictError } from '../db/verdicts.js';
import { requireReviewer, reviewerOf } from './auth.js';
import { HttpError } from './errors.js';
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

export function flagsRouter({ store }: AppDeps): Router {
  const r = Router();
  const send = jsonCache(store);
  r.get('/', async (req, res) => {
    const q = parse(QueueQuery, req.query, 'query');
    if (q.after !== undefined && !(await store.flagExists(q.after)))
      throw new HttpError(400, `after: no flag ${q.after}`);
    await send(req, res, (): Promise<FlagPage> =>
      store.listFlags({ ...toFilter(q), status: q.status, sort: q.sort, after: q.after, limit: q.limit }),
    );
  });
  r.get('/:id', async (req, res) => {
    const { id: flagId } = parse(IdParam, req.params, 'flag id');
    parse(NoQuery, req.query, 'query');
    const flag = await store.getFlag(flagId);
    if (!flag) throw new HttpError(404, `no flag ${flagId}`);
    res.json({ flag, history: await store.verdictHistory(flagId) } satisfies FlagDetail);
  });
  r.post('/:id/verdicts', requireReviewer(store), async (req, res) => {
    const { id: flagId } = parse(IdParam, req.params, 'flag id');
    const body = parse(VerdictBody, req.body ?? {}, 'body');
    try {
      const { verdictId, flag } = await store.addVerdict({
        flagId,
        reviewer: reviewerOf(req),
        action: body.action,
        version: body.version,
        text: body.action === 'correct' ? body.text : undefined,
      });
      const history = await store.verdictHistory(flagId);
      res.status(201).json({ verdict: verdictId, flag, history } satisfies VerdictCreated);
    } catch (e) {
      if (!(e instanceof VerdictError)) throw e;
      const f = e.refusal;
      if (f.kind === 'not_found') throw new HttpError(404, `no flag ${flagId}`);
      if (f.kind === 'forbidden') throw new HttpError(403, f.message);
      throw new HttpError(409, f.message, { flag: f.flag, history: await store.verdictHistory(flagId) });
    }
  });
  return r;
}
