import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../../errors.js';
import type { Format, IngestedDoc } from '../types.js';
import { declaredHtmlCharset, decodeBuffer } from './decode.js';
import { htmlToText } from './html.js';

// Ingest: one file → one document (txt, md, html) or one per record (jsonl). Refuses bad input with an
// InputError before anything is returned, so a caller that ingests everything first writes nothing.
// JSONL records are checked against their zod schema (contract/), so their parser is passed in: index.ts is
// ingest with it, and a command reading one text file (`tapat align`, `check`) loads this file alone, without zod.
// txt and md keep their raw text (offsets index the file as decoded; segmentation skips Markdown markers);
// html becomes Readability's main text, one paragraph per block, blank lines between.

export interface IngestOptions {
  maxBytes: number;
}

export function formatOf(path: string): Format {
  const ext = extname(path.replace(/#L\d+$/, '')).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'txt';
}

/** Reads at most maxBytes + 1 bytes: the size is checked before reading, and again if the file grew. */
function readBounded(path: string, maxBytes: number): Buffer {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError('no such file', path);
  }
  if (!st.isFile()) throw new InputError('not a regular file', path);
  if (st.size > maxBytes)
    throw new InputError(
      `file is ${st.size} bytes, over the limit of ${maxBytes} (limits.maxFileBytes / TAPAT_MAX_FILE_BYTES)`,
      path,
    );
  const buf = Buffer.alloc(st.size + 1);
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0;) n += r;
    if (n > maxBytes) throw new InputError(`file grew past the limit of ${maxBytes} bytes while being read`, path);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Reads JSONL records (ingest/jsonl.ts): the text, the file's path and the encoding it was decoded from. */
export type JsonlParser = (text: string, path: string, encoding: string) => IngestedDoc[];

/** A JSONL file without a parser: the caller meant to read one text file (index.ts reads any). */
const noJsonl: JsonlParser = (_text, path) => {
  throw new InputError('JSONL is not read here: one text, Markdown or HTML file per side', path);
};

export function ingestFile(path: string, opts: IngestOptions, jsonl: JsonlParser = noJsonl): IngestedDoc[] {
  return ingestBuffer(readBounded(path, opts.maxBytes), path, opts, jsonl);
}

/** Scrapers often save pages as .txt: a .txt file that is plainly an HTML page is read as HTML. */
const looksLikeHtml = (buf: Buffer): boolean =>
  /^\s*(?:<!--[^]*?-->\s*)?<(?:!doctype html|html)\b/i.test(buf.subarray(0, 1024).toString('latin1'));

/** Whitespace, zero-width characters, bidi controls and BOMs are not text: a file of only those is empty. */
export const hasVisibleText = (text: string): boolean =>
  /[^\s\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/.test(text);

export function ingestBuffer(
  buf: Buffer,
  path: string,
  opts: IngestOptions,
  jsonl: JsonlParser = noJsonl,
): IngestedDoc[] {
  if (buf.length > opts.maxBytes)
    throw new InputError(`input is ${buf.length} bytes, over the limit of ${opts.maxBytes}`, path);
  let format = formatOf(path);
  if (format === 'txt' && looksLikeHtml(buf)) format = 'html';
  const { text, encoding } = decodeBuffer(buf, path, format === 'html' ? declaredHtmlCharset(buf) : null);
  if (!hasVisibleText(text)) throw new InputError('file has no text (only whitespace or invisible characters)', path);
  if (format === 'jsonl') return jsonl(text, path, encoding);
  if (format === 'html') {
    const html = htmlToText(text, path);
    if (!hasVisibleText(html.text)) throw new InputError('HTML file has no readable text', path);
    return [
      {
        path,
        url: null,
        title: html.title,
        format,
        encoding,
        declaredLang: null,
        text: html.text,
        ...(html.marks.length ? { marks: html.marks } : {}),
      },
    ];
  }
  return [{ path, url: null, title: null, format, encoding, declaredLang: null, text }];
}
