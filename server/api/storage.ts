import { statSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { dbErrorMessage, storageErrorCode } from '../db/errors.js';
import { HttpError } from './http-error.js';

// Storage failures the server outlives (issue 22; PostgreSQL's too, issue 21). SQLite rolls back the request's transaction on each of
// these, so the request saved nothing and says so; the connection stays usable, so service resumes by
// itself when space returns or the lock clears. One log line per kind of failure per minute, with a count
// of the requests refused since — not a stack trace per request (11 MB of log in 20 s on a full disk).

export type Log = (line: string) => void;

interface Unavailable {
  retryAfterS: number;
  message: string;
}

function classify(err: unknown): Unavailable | null {
  const code = storageErrorCode(err);
  if (code === undefined) return null;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') {
    return {
      retryAfterS: 30,
      message:
        'the disk holding the database is full: nothing of this request was saved; the server takes writes again as soon as space is freed — retry later',
    };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      retryAfterS: 2,
      message: 'the database stayed locked by another process: nothing of this request was saved — retry',
    };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return { retryAfterS: 60, message: 'the database is read-only: nothing of this request was saved' };
  }
  // PostgreSQL (SQLSTATE codes, and the socket errors of a server that is down or restarting)
  if (code === '53100') return classify({ code: 'ENOSPC' });
  if (code === '25006') return classify({ code: 'EROFS' });
  if (/^(08\w{3}|57P0[123]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)$/.test(code)) {
    return {
      retryAfterS: 5,
      message: 'the database server cannot be reached or is restarting: nothing of this request was saved — retry',
    };
  }
  if (code === '40001' || code === '40P01') {
    return {
      retryAfterS: 1,
      message: 'the database was too busy to finish this: nothing of this request was saved — retry',
    };
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return {
      retryAfterS: 30,
      message: 'the disk reported an I/O error: nothing of this request was saved — retry later',
    };
  }
  return null;
}

/** A logger that writes the first line of each kind at once, then at most one a `everyMs`, with the count held back. */
export function rateLimitedLog(log: Log, everyMs = 60_000): (kind: string, line: string) => void {
  const last = new Map<string, { at: number; held: number }>();
  return (kind, line) => {
    const now = Date.now();
    const seen = last.get(kind);
    if (seen && now - seen.at < everyMs) {
      seen.held++;
      return;
    }
    const more = seen?.held ? ` (${seen.held} more like it since the last line)` : '';
    last.set(kind, { at: now, held: 0 });
    log(line + more);
  };
}

/** The 503 a storage failure becomes, logging it rate-limited; null for any other error. */
export function storageFailure(err: unknown, logKind: (kind: string, line: string) => void): HttpError | null {
  const u = classify(err);
  if (!u) return null;
  const code = (err as { code: string }).code;
  logKind(code, `tapat serve: ${dbErrorMessage(err) ?? code} — requests that write get 503 until it clears`);
  return new HttpError(503, u.message, { saved: false, retryAfterSeconds: u.retryAfterS });
}

/**
 * Refuses writes once the database file is no longer the one this server opened (replaced by a restore or
 * a copy, or deleted): its connection still writes to the old inode, so a 201 would be a lost verdict.
 * The file's identity is compared on every write request (one stat); it never comes back without a restart.
 */
export function fileIdentityGuard(file: string, log: Log): RequestHandler {
  const identity = (): string | null => {
    try {
      const st = statSync(file);
      return `${st.dev}:${st.ino}`;
    } catch {
      return null;
    }
  };
  const opened = file === ':memory:' || file === '' ? null : identity();
  let replaced = false;
  return (req, _res, next) => {
    if (opened === null || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    if (!replaced && identity() !== opened) {
      replaced = true;
      log(
        `tapat serve: the database file ${file} was replaced or removed while this server ran; it accepts no more writes — restart it`,
      );
    }
    if (replaced) {
      throw new HttpError(
        503,
        `the database file ${file} was replaced or removed while this server ran (tapat restore?): nothing of this request was saved; this server accepts no more writes — restart it`,
        {
          saved: false,
        },
      );
    }
    next();
  };
}
