import { closeSync, createReadStream, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
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
export type Item = FileItem | RecordItem;

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
      throw new InputError(`more than ${maxFiles} files in one batch (limits.maxFilesPerBatch); split the batch or raise the limit in tapat.config.json`);
    }
  }
}

/** Files under the arguments, in order; inside folders only known text formats, hidden entries skipped. */
export function* expandFiles(paths: string[]): Generator<string> {
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      const names = readdirSync(p)
        .filter((n) => !n.startsWith('.'))
        .sort();
      for (const n of names) {
        const child = join(p, n);
        if (statSync(child).isDirectory()) yield* expandFiles([child]);
        else if (BATCH_EXT.test(n)) yield child;
      }
    } else yield p;
  }
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

async function* jsonlLines(path: string, maxBytes: number): AsyncGenerator<string> {
  if (isUtf16(path)) {
    const size = statSync(path).size;
    if (size > maxBytes) throw new InputError(`file is ${size} bytes, over the limit of ${maxBytes}`, path);
    yield* decodeBuffer(readFileSync(path), path).text.split(/\r?\n/);
    return;
  }
  yield* createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}

export async function* batchItems(paths: string[], maxBytes: number): AsyncGenerator<Item> {
  for (const path of expandFiles(paths)) {
    if (formatOf(path) !== 'jsonl') {
      yield { kind: 'file', key: path, path };
      continue;
    }
    let line = 0;
    for await (const raw of jsonlLines(path, maxBytes)) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!text.trim()) continue;
      yield { kind: 'record', key: `${path}#L${line}`, path, line, text };
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
