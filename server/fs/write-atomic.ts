import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

// The one way tapat writes a whole file: to a temporary name in the same folder (same file system, so the
// rename is atomic), flushed, then renamed over the target. A reader never sees half a file, and a full disk
// or a crash leaves the old file or no file — never a truncated or 0-byte one under the requested name.

/** The temporary name beside `file`: hidden, unique per process and call. */
export const tempNameFor = (file: string): string =>
  // the name is cut so that the suffix never takes it over the file system's 255-byte limit
  join(dirname(file), `.${basename(file).slice(0, 160)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Runs `write` on a fresh temporary path beside `file`, then renames it over `file`; on failure removes it. */
export function replaceAtomically<T>(file: string, write: (tmp: string) => T): T {
  const tmp = tempNameFor(file);
  try {
    const r = write(tmp);
    renameSync(tmp, file);
    return r;
  } catch (e) {
    rmSync(tmp, { force: true });
    // a failed write(2) names no file: name the one the user asked for, not the temporary one
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err === 'object' && typeof err.code === 'string' && (!err.path || err.path === tmp))
      err.path = file;
    throw e;
  }
}

/** Writes data to file atomically (see above), fsynced before the rename so a power cut cannot leave it empty. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  replaceAtomically(file, (tmp) => {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < buf.length;) at += writeSync(fd, buf, at, buf.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
}
