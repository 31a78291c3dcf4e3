import { Router } from 'express';
import type { AppDeps } from './app.js';
import { requireReviewer, reviewerOf } from './auth.js';
import { HttpError } from './errors.js';
import { parse } from './validate.js';
import { NoQuery } from './validate.js';
import {
  BulkBody,
  BulkFlagQuery as FlagQuery,
  type BulkCounts,
  type BulkCreated,
  type UndoLast,
} from '../../contract/index.js';

// Decisions that are not about one flag on screen: "undo my last decision" (a stack, from anywhere) and bulk
// decisions (every identical finding, or every finding of a detector in an audit).
//   POST /api/verdicts/undo-last            → 200 {undone: [flag ids], bulk, flag} | 409 when nothing is left
//   GET  /api/verdicts/bulk?flag=ID         → {identical: {audit, batch}, detector}: what a bulk decision would decide
//   POST /api/verdicts/bulk {flag, match, scope, action, text?} → 201 {bulk, flags: [ids]}

export function verdictsRouter({ store }: AppDeps): Router {
  const r = Router();
  r.post('/undo-last', requireReviewer(store), async (req, res) => {
    parse(NoQuery, req.query, 'query');
    const undone = await store.undoLast(reviewerOf(req));
    if (!undone) throw new HttpError(409, 'nothing of yours to undo: none of your verdicts still decides a flag');
    res.json({
      undone: undone.flagIds,
      bulk: undone.bulkId,
      flag: (await store.getFlag(undone.flagIds[0]!))!,
    } satisfies UndoLast);
  });
  r.get('/bulk', async (req, res) => {
    const { flag } = parse(FlagQuery, req.query, 'query');
    if (!(await store.flagExists(flag))) throw new HttpError(404, `no flag ${flag}`);
    res.json((await store.bulkCounts(flag)) satisfies BulkCounts);
  });
  r.post('/bulk', requireReviewer(store), async (req, res) => {
    const b = parse(BulkBody, req.body ?? {}, 'body');
    const flag = await store.getFlag(b.flag);
    if (!flag) throw new HttpError(404, `no flag ${b.flag}`);
    if (flag.audit_id === null) throw new HttpError(400, `flag ${b.flag} belongs to no audit: decide it on its own`);
    const out = await store.bulkVerdict({
      flagId: b.flag,
      match: b.match,
      scope: b.scope,
      action: b.action,
      text: b.text,
      reviewer: reviewerOf(req),
    });
    res.status(201).json({ bulk: out.bulkId, flags: out.flagIds } satisfies BulkCreated);
  });
  return r;
}
