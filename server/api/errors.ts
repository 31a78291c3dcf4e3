import type { ErrorRequestHandler, RequestHandler } from 'express';
import { rateLimitedLog, storageFailure, type Log } from './storage.js';
import { HttpError } from './http-error.js';

export { HttpError };

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
};

const stderrLog: Log = (line) => process.stderr.write(line + '\n');

/** Renders errors as JSON; storage failures (full disk, locked, read-only) become a 503 with Retry-After. */
export function errorHandler(log: Log = stderrLog): ErrorRequestHandler {
  const logKind = rateLimitedLog(log);
  return (err: unknown, _req, res, _next) => {
    const storage = err instanceof HttpError ? null : storageFailure(err, logKind);
    const known = err instanceof HttpError ? err : storage;
    if (known) {
      if (typeof known.extra.retryAfterSeconds === 'number')
        res.set('Retry-After', String(known.extra.retryAfterSeconds));
      res.status(known.status).json({ error: known.message, ...known.extra });
      return;
    }
    renderOther(err, res);
  };
}

function renderOther(err: unknown, res: Parameters<ErrorRequestHandler>[2]): void {
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.too.large') {
    res.status(413).json({ error: 'request body too large' });
    return;
  }
  if (e.type === 'entity.parse.failed') {
    res.status(400).json({ error: 'request body is not valid JSON' });
    return;
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    res.status(e.status).json({ error: e.message ?? 'bad request' });
    return;
  }
  process.stderr.write(`tapat serve: ${(err as Error)?.stack ?? String(err)}\n`);
  res.status(500).json({ error: 'internal error' });
}
