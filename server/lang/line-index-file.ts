import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { basename, dirname, join } from 'node:path';
import { LineIndex, type LineIndexParts } from './line-index.js';
import { fnv1a } from './fnv.js';
import { prebuilt, type PrebuiltStore } from './prebuilt.js';

// A word list's LineIndex kept with the prebuilt tables (data/prebuilt/*.lix, lang/prebuilt.ts; written by the
// first process that builds it: the build, or else whichever process first reads the list). Every batch worker reads the same lists; a
// kept index is read in a few milliseconds where hashing the list took 30–60 ms per list and per worker,
// most of it in code not yet compiled. A kept index is used only when it was made from the list as it is
// now (its size, modification time and decoded length) with the same separator, by the code of the prebuilt
// tables' version (the version's hash covers this file and line-index.ts); otherwise, or when it cannot be
// read or written, the index is built as before (and kept). Results never depend on it.

const MAGIC = 0x3278696c; // "lix2"
const HEADER_INTS = 8; // the last one 0: what follows stays 8-byte aligned
const VERSION_BYTES = 32; // the prebuilt version, a sha-256 in hex, as its bytes

/** Where the index of `file` (split at `sep`) is kept: one name per list, separator and path. */
export function indexCachePath(file: string, sep: string, dir = prebuilt().dir): string {
  return join(dir, `${basename(file)}.${fnv1a(`${sep}\0${file}`).toString(16)}.lix`);
}

/** The version as the 32 bytes kept in the header (a test's store may name any string: it is hashed). */
const versionBytes = (version: string): Buffer =>
  /^[0-9a-f]{64}$/.test(version) ? Buffer.from(version, 'hex') : createHash('sha256').update(version).digest();

interface Source {
  size: number;
  mtimeMs: number;
  length: number;
  sep: number;
}

function encode(src: Source, version: Buffer, p: LineIndexParts): Buffer {
  const header = Int32Array.from([MAGIC, src.sep, p.lines, p.size, p.grouped ? 1 : 0, p.slots.length, src.length, 0]);
  const stamp = Float64Array.from([src.size, src.mtimeMs]);
  return Buffer.concat(
    [header, version, stamp, p.starts, p.keyEnds, p.slots, p.first].map((a) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    ),
  );
}

function decode(buf: Buffer, src: Source, version: Buffer): LineIndexParts | null {
  // typed-array views need aligned offsets: a read buffer may sit anywhere in a shared pool
  let ab = buf.buffer as ArrayBuffer;
  let at = buf.byteOffset;
  if (at % 8 !== 0) {
    ab = new ArrayBuffer(buf.byteLength);
    new Uint8Array(ab).set(buf);
    at = 0;
  }
  const head = HEADER_INTS * 4 + VERSION_BYTES + 16;
  if (buf.byteLength < head) return null;
  const [magic, sep, n, size, grouped, cap2, length] = Array.from(new Int32Array(ab, at, HEADER_INTS)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (magic !== MAGIC || sep !== src.sep || length !== src.length) return null;
  if (!version.equals(buf.subarray(HEADER_INTS * 4, HEADER_INTS * 4 + VERSION_BYTES))) return null;
  const [fileSize, mtimeMs] = Array.from(new Float64Array(ab, at + HEADER_INTS * 4 + VERSION_BYTES, 2));
  if (fileSize !== src.size || mtimeMs !== src.mtimeMs) return null;
  if (buf.byteLength !== head + 4 * (n + 1) + 4 * n + 4 * cap2 + n) return null;
  at += head;
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
 * The LineIndex of a list file, from its kept index when that matches the file and the prebuilt version, else
 * built (and kept). `store` null: neither read nor kept (a file that is not one of the product's lists).
 */
export function indexFile(
  file: string,
  sep: string,
  encoding: 'utf8' | 'latin1',
  store: Pick<PrebuiltStore, 'dir' | 'version'> | null = prebuilt(),
): LineIndex {
  const text = readFileSync(file, encoding);
  if (store === null) return new LineIndex(text, sep);
  const version = versionBytes(store.version);
  const st = statSync(file);
  const src: Source = { size: st.size, mtimeMs: st.mtimeMs, length: text.length, sep: sep.charCodeAt(0) };
  const cache = indexCachePath(file, sep, store.dir);
  let parts: LineIndexParts | null = null;
  try {
    parts = decode(readFileSync(cache), src, version);
  } catch {
    parts = null; // none kept yet, or unreadable: built below
  }
  if (parts) return new LineIndex(text, sep, parts);
  const index = new LineIndex(text, sep);
  try {
    mkdirSync(dirname(cache), { recursive: true });
    // written aside and renamed: a reader (another worker) never sees half a file
    writeFileAtomic(cache, encode(src, version, index.parts()));
  } catch {
    // a read-only install keeps nothing: every process builds its own index, as before
  }
  return index;
}
