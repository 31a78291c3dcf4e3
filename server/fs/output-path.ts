import { realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';

// Checks a file name the user gave for output (export --out, audit --report / --report-html, backup --out)
// before anything is computed or written: a typo must never overwrite the database, its WAL (which holds
// the latest commits) or a file the user did not mean to replace.

export interface OutputCheck {
  /** The option that named it, for the message (e.g. "--out"). */
  option: string;
  /** Replace an existing file (--force). */
  force: boolean;
  /** The database in use, if any: it and its -wal / -shm / -journal are never written over. */
  db?: string | null;
}

const errnoText = (e: unknown): string => (e as Error).message.replace(/^E[A-Z]+: /, '').replace(/, \w+ '.*$/s, '');

const statOrNull = (p: string): Stats | null => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

/** The real path of p, resolving symlinks in its folder even when p itself does not exist yet. */
function realPathOf(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** The database file and the files SQLite keeps beside it, by the name given and by the real name. */
function protectedPaths(db: string): string[] {
  const names = new Set<string>();
  for (const base of [resolve(db), realPathOf(db)])
    for (const ext of ['', '-wal', '-shm', '-journal']) names.add(base + ext);
  return [...names];
}

/**
 * Refuses (one line) an output path that is the database or its side files (compared by real path and by
 * device + inode, so symlinks, hard links and relative names are seen through), a folder, or an existing
 * file without --force. Returns the path to write: the real target when the name is a symlink to a file.
 */
export function checkOutputPath(out: string, check: OutputCheck): string {
  if (!out.trim()) throw new UsageError(`${check.option}: an empty file name`);
  const target = realPathOf(out);
  let st: Stats | null = null;
  try {
    st = statSync(target);
  } catch (e) {
    // only "does not exist yet" is fine: a name too long, a loop or a file used as a folder is said now,
    // not after an hour of batch work
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new InputError(`${check.option} cannot be written (${code}: ${errnoText(e)})`, out);
  }
  if (check.db && check.db !== ':memory:') {
    for (const p of protectedPaths(check.db)) {
      const ps = st ? statOrNull(p) : null;
      if (target === p || realPathOf(p) === target || (st && ps && st.dev === ps.dev && st.ino === ps.ino)) {
        throw new UsageError(`${check.option} ${out} is the database or one of its files (${p}); choose another file`);
      }
    }
  }
  if (st?.isDirectory()) throw new UsageError(`${check.option} ${out} is a folder; give a file name`);
  if (st && !st.isFile()) throw new UsageError(`${check.option} ${out} is not a regular file; give a file name`);
  if (st && !check.force)
    throw new UsageError(`${check.option} ${out} exists already; add --force to replace it, or choose another file`);
  const folder = statOrNull(dirname(target));
  if (!folder) throw new InputError(`the folder of ${check.option} does not exist`, out);
  if (!folder.isDirectory()) throw new InputError(`the folder of ${check.option} is not a folder`, out);
  return target;
}
