import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { boundedLines, type JsonlLine } from './jsonl-lines.js';
import { join, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { formatOf, ingestFile } from '../ingest/index.js';
import { parseJsonlLine } from '../ingest/jsonl.js';
import { decodeBuffer } from '../ingest/decode.js';
import type { IngestedDoc } from '../types.js';

// The batch's input as a stream of items: one per file, one per JSONL record (read line by line, so a
// JSONL file of any size is never held in memory). Items are produced in a fixed order (arguments in
// order, folder entries sorted) so a re-run meets them in the same order and can skip the committed ones.
// JSONL is streamed as UTF-8 (BOM stripped); a UTF-16 JSONL file is decoded whole instead.

export interface FileItem {
  kind: 'file';
  key: string; // the path
  path: string;
}
export interface RecordItem {
  kind: 'record';
  key: string; // "file.jsonl#L12" (1-based line)
  path: string;
  line: number;
  text: string;
}
/** An entry the batch cannot read (dangling symlink, symlink loop, unlistable folder, over-long or undecodable record): refused alone, reported. */
export interface SkippedItem {
  kind: 'skipped';
  key: string;
  path: string;
  reason: string;
}
export type Item = FileItem | RecordItem | SkippedItem;

const BATCH_EXT = /\.(txt|md|markdown|html?|jsonl|ndjson)$/i;

/**
 * Checks the arguments before anything is written: each must exist, and a file named on the command line
 * (not a folder, not JSONL) must ingest, else the whole command is refused (exit 3). What a folder holds
 * and the records of a JSONL file are refused one by one instead, reported, and the rest processed: in a
 * scrape of thousands, one bad page must not stop the batch.
 */
export function checkInputs(paths: string[], maxBytes: number, maxFiles = Infinity): void {
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError('no such file or folder', p);
    }
    if (!st.isDirectory() && formatOf(p) !== 'jsonl') ingestFile(p, { maxBytes });
  }
  // A limit on files per batch (limits.maxFilesPerBatch): a mistyped folder (/, ~) is refused before any work.
  let files = 0;
  for (const _ of expandFiles(paths)) {
    if (++files > maxFiles) {
      throw new InputError(
        `more than ${maxFiles} files in one batch (limits.maxFilesPerBatch); split the batch or raise the limit in tapat.config.json`,
      );
    }
  }
}

/** A file under the arguments, or an entry that cannot be read with the reason (reported, the batch goes on). */
export interface Entry {
  path: string;
  unreadable?: string;
}

/** Why a folder entry cannot be read, in words (a raw ENOENT/ELOOP once stopped the whole batch). */
export function unreadableReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'a dangling symbolic link (its target does not exist)';
  if (code === 'ELOOP') return 'a symbolic link loop';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read (${code ?? (e as Error).message})`;
}

/**
 * Entries under the arguments, in order; inside folders only known text formats, hidden entries skipped.
 * A folder reached twice (a symlink to a parent) is listed once; an entry that cannot be read (dangling link,
 * link loop, unlistable folder) is yielded with the reason, so the batch reports it and goes on.
 */
export function* expandEntries(paths: string[]): Generator<Entry> {
  const seen = new Set<string>();
  function* walk(p: string, top: boolean): Generator<Entry> {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      if (top) throw e; // arguments were checked by checkInputs
      yield { path: p, unreadable: unreadableReason(e) };
      return;
    }
    if (!st.isDirectory()) {
      if (top || BATCH_EXT.test(p)) yield { path: p };
      return;
    }
    const id = `${st.dev}:${st.ino}`;
    if (seen.has(id)) return; // the same folder again, through a link: its files are listed once
    seen.add(id);
    let names: string[];
    try {
      names = readdirSync(p);
    } catch (e) {
      yield { path: p, unreadable: `a folder that cannot be listed: ${unreadableReason(e)}` };
      return;
    }
    for (const n of names.filter((x) => !x.startsWith('.')).sort()) {
      const child = join(p, n);
      // a name without a text extension is only followed when it is a folder (or cannot be told apart)
      yield* walk(child, false);
    }
  }
  for (const p of paths) yield* walk(p, true);
}

/** Files under the arguments, in order (unreadable entries included: ingesting them says why). */
export function* expandFiles(paths: string[]): Generator<string> {
  for (const e of expandEntries(paths)) yield e.path;
}

/** UTF-16 (by its byte-order mark): such a JSONL file is decoded whole, within the file size limit. */
function isUtf16(path: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

async function* jsonlLines(path: string, maxBytes: number): AsyncGenerator<JsonlLine> {
  if (isUtf16(path)) {
    const size = statSync(path).size;
    if (size > maxBytes) throw new InputError(`file is ${size} bytes, over the limit of ${maxBytes}`, path);
    let line = 0;
    for (const text of decodeBuffer(readFileSync(path), path).text.split(/\r?\n/)) yield { line: ++line, text };
    return;
  }
  // a record is held to the limit of a file: its line is read within maxBytes, or skipped unread
  yield* boundedLines(path, maxBytes);
}

export async function* batchItems(paths: string[], maxBytes: number): AsyncGenerator<Item> {
  const listed = new Set<string>();
  for (const { path, unreadable } of expandEntries(paths)) {
    // a file named twice (a.txt a.txt, or inside a folder also named) is one item: its key is stored once
    if (listed.has(path)) continue;
    listed.add(path);
    if (unreadable) {
      yield { kind: 'skipped', key: path, path, reason: unreadable };
      continue;
    }
    if (formatOf(path) !== 'jsonl') {
      yield { kind: 'file', key: path, path };
      continue;
    }
    for await (const l of jsonlLines(path, maxBytes)) {
      const key = `${path}#L${l.line}`;
      if ('refused' in l) {
        yield { kind: 'skipped', key, path: key, reason: l.refused };
        continue;
      }
      const text = l.line === 1 ? l.text.replace(/^\uFEFF/, '') : l.text;
      if (!text.trim()) continue;
      yield { kind: 'record', key, path, line: l.line, text };
    }
  }
}

/** A stable description of the inputs for the run key: absolute paths in argument order. */
export const inputsKey = (paths: string[]): string[] => paths.map((p) => resolve(p));

/**
 * Decodes a record item. A malformed record throws an InputError naming its line; the driver refuses
 * that record alone (single-file ingest refuses the whole file instead). Batch JSONL is read as UTF-8.
 */
export function recordDoc(item: RecordItem): IngestedDoc {
  const doc = parseJsonlLine(item.text, item.line, item.path, 'utf-8');
  if (!doc) throw new InputError('blank record', item.path, item.line);
  return doc;
}
