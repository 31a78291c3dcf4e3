import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { basename, dirname, join } from 'node:path';
import { dataPath } from '../paths.js';
import { LineIndex, type LineIndexParts } from './line-index.js';
import { fnv1a } from './fnv.js';

// A word list's LineIndex kept beside it (data/cache/*.lix, written by the first process that builds it:
// the build, or else whichever process first reads the list). Every batch worker reads the same lists; a
// kept index is read in a few milliseconds where hashing the list took 30–60 ms per list and per worker,
// most of it in code not yet compiled. A kept index is used only when it was made from the list as it is
// now (its size, modification time and decoded length) with the same separator; otherwise, or when it
// cannot be read or written, the index is built as before. Results never depend on it.

const MAGIC = 0x3178696c; // "lix1"
/** Bump when LineIndex or this layout changes what an index holds. */
const VERSION = 1;
const HEADER_INTS = 8;

export const CACHE_DIR = dataPath('cache');

/** Where the index of `file` (split at `sep`) is kept: one name per list, separator and path. */
export function indexCachePath(file: string, sep: string, dir = CACHE_DIR): string {
  return join(dir, `${basename(file)}.${fnv1a(`${sep}\0${file}`).toString(16)}.lix`);
}

interface Source {
  size: number;
  mtimeMs: number;
  length: number;
  sep: number;
}

function encode(src: Source, p: LineIndexParts): Buffer {
  const header = Int32Array.from([
    MAGIC,
    VERSION,
    src.sep,
    p.lines,
    p.size,
    p.grouped ? 1 : 0,
    p.slots.length,
    src.length,
  ]);
  const stamp = Float64Array.from([src.size, src.mtimeMs]);
  return Buffer.concat(
    [header, stamp, p.starts, p.keyEnds, p.slots, p.first].map((a) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    ),
  );
}

function decode(buf: Buffer, src: Source): LineIndexParts | null {
  // typed-array views need aligned offsets: a read buffer may sit anywhere in a shared pool
  let ab = buf.buffer as ArrayBuffer;
  let at = buf.byteOffset;
  if (at % 8 !== 0) {
    ab = new ArrayBuffer(buf.byteLength);
    new Uint8Array(ab).set(buf);
    at = 0;
  }
  if (buf.byteLength < HEADER_INTS * 4 + 16) return null;
  const [magic, version, sep, n, size, grouped, cap2, length] = Array.from(new Int32Array(ab, at, HEADER_INTS)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [fileSize, mtimeMs] = Array.from(new Float64Array(ab, at + HEADER_INTS * 4, 2));
  if (magic !== MAGIC || version !== VERSION || sep !== src.sep || length !== src.length) return null;
  if (fileSize !== src.size || mtimeMs !== src.mtimeMs) return null;
  if (buf.byteLength !== HEADER_INTS * 4 + 16 + 4 * (n + 1) + 4 * n + 4 * cap2 + n) return null;
  at += HEADER_INTS * 4 + 16;
  const next = (bytes: number): number => ((at += bytes), at - bytes);
  return {
    lines: n,
    size,
    grouped: grouped === 1,
    starts: new Uint32Array(ab, next(4 * (n + 1)), n + 1),
    keyEnds: new Uint32Array(ab, next(4 * n), n),
    slots: new Int32Array(ab, next(4 * cap2), cap2),
    first: new Uint8Array(ab, next(n), n),
  };
}

/**
 * The LineIndex of a list file, from its kept index when that matches the file, else built (and kept).
 * `cacheDir` null: neither read nor kept (a file that is not one of the product's lists).
 */
export function indexFile(
  file: string,
  sep: string,
  encoding: 'utf8' | 'latin1',
  cacheDir: string | null = CACHE_DIR,
): LineIndex {
  const text = readFileSync(file, encoding);
  if (cacheDir === null) return new LineIndex(text, sep);
  const st = statSync(file);
  const src: Source = { size: st.size, mtimeMs: st.mtimeMs, length: text.length, sep: sep.charCodeAt(0) };
  const cache = indexCachePath(file, sep, cacheDir);
  let parts: LineIndexParts | null = null;
  try {
    parts = decode(readFileSync(cache), src);
  } catch {
    parts = null; // none kept yet, or unreadable: built below
  }
  if (parts) return new LineIndex(text, sep, parts);
  const index = new LineIndex(text, sep);
  try {
    mkdirSync(dirname(cache), { recursive: true });
    // written aside and renamed: a reader (another worker) never sees half a file
    writeFileAtomic(cache, encode(src, index.parts()));
  } catch {
    // a read-only install keeps nothing: every process builds its own index, as before
  }
  return index;
}
