import Database from 'better-sqlite3';
import { own } from '../lang/own.js';

// SQLite and file-system failures the operator can act on, turned into one line that says what
// happened and what was kept. SQLite rolls back the open transaction on each of these, and every
// tapat write is one transaction (tx()), so "nothing from this command was saved" is true.
const SQLITE: [prefix: string, message: string][] = [
  [
    'SQLITE_FULL',
    'the disk holding the database is full; nothing from this command was saved — free space and run it again',
  ],
  [
    'SQLITE_READONLY',
    'the database is read-only (file permissions or a read-only mount); nothing was written — use a writable --db',
  ],
  [
    'SQLITE_CANTOPEN',
    'cannot open the database file: its folder is missing or not writable, or it is on a read-only file system; check --db',
  ],
  [
    'SQLITE_BUSY',
    'the database stayed locked by another tapat process beyond the busy timeout; nothing from this command was saved — run it again when the other process finishes',
  ],
  ['SQLITE_LOCKED', 'the database is locked; nothing from this command was saved — run it again'],
  ['SQLITE_NOTADB', 'the --db file is not a SQLite database'],
  ['SQLITE_CORRUPT', 'the database file is damaged; restore it from a backup (tapat restore)'],
  [
    'SQLITE_IOERR',
    'the disk reported an I/O error while writing the database; nothing from this command was saved — check the disk and run it again',
  ],
];

const ERRNO: Record<string, string> = {
  ENOSPC: 'the disk is full; nothing from this command was saved — free space and run it again',
  EROFS: 'the file system is read-only; nothing was written',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
};

/** The error code of a SQLite failure, else of a file-system one (ENOSPC, EROFS…); undefined for anything else. */
export function storageErrorCode(err: unknown): string | undefined {
  const code = err instanceof Database.SqliteError ? err.code : (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const NOTHING_SAVED = 'nothing from this command was saved';

/**
 * A clear one-line message for a database or disk failure, or null when err is something else. `saved`
 * says what the command had committed before the failure (a batch commits as it goes); without it the
 * message says nothing was saved, which holds for commands that write in one transaction.
 */
export function dbErrorMessage(err: unknown, saved?: string): string | null {
  const said = (m: string): string =>
    saved === undefined ? m : m.includes(NOTHING_SAVED) ? m.replace(NOTHING_SAVED, saved) : `${m}; ${saved}`;
  if (err instanceof Database.SqliteError) {
    const hit = SQLITE.find(([prefix]) => err.code.startsWith(prefix));
    return hit ? said(`database error (${err.code}): ${hit[1]}`) : null;
  }
  const e = err as NodeJS.ErrnoException | null;
  if (e && typeof e === 'object' && typeof e.code === 'string' && own(ERRNO, e.code)) {
    const where = typeof e.path === 'string' ? ` (${e.path})` : '';
    return said(`file error (${e.code})${where}: ${own(ERRNO, e.code)}`);
  }
  return null;
}
