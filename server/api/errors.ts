import type { ErrorRequestHandler, RequestHandler } from 'express';

/** An error with an HTTP status, rendered as {"error": message, ...extra}. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
};

export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message, ...err.extra });
    return;
  }
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
};
