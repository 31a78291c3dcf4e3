// Any other file-system failure (EISDIR, ELOOP, EMFILE, ENAMETOOLONG…) as one line naming the file, instead
// of Node's raw "ENOENT: no such file or directory, open '…'" or a stack. The database-specific messages
// (disk full, read-only) are in db/errors.ts and are tried first.

interface Errno {
  code: string;
  path?: string;
  syscall?: string;
  message: string;
}

const isErrno = (e: unknown): e is Errno => {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
};

/** "file error (ELOOP) (path): too many symbolic links encountered", or null when err is no errno error. */
export function fileErrorMessage(err: unknown, saved?: string): string | null {
  if (!isErrno(err)) return null;
  // Node's message is "CODE: description, syscall 'path'": keep the description alone
  const what = err.message
    .replace(/^E[A-Z0-9]+: /, '')
    .replace(/, \w+ '.*$/s, '')
    .split('\n')[0]!;
  const where = err.path ? ` (${err.path})` : '';
  return `file error (${err.code})${where}: ${what}${saved ? `; ${saved}` : ''}`;
}
