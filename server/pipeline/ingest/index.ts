import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../../errors.js';
import type { Format, IngestedDoc } from '../types.js';

// FIRST CUT (foundation issue replaces this): UTF-8 text only.
export interface IngestOptions {
  maxBytes: number;
}

export function formatOf(path: string): Format {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'txt';
}

export function ingestFile(path: string, opts: IngestOptions): IngestedDoc[] {
  const size = statSync(path).size;
  if (size > opts.maxBytes) throw new InputError(`file is ${size} bytes, over the limit of ${opts.maxBytes}`, path);
  return ingestBuffer(readFileSync(path), path, opts);
}

export function ingestBuffer(buf: Buffer, path: string, _opts: IngestOptions): IngestedDoc[] {
  if (buf.length === 0) throw new InputError('file is empty', path);
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  return [{ path, url: null, title: null, format: formatOf(path), encoding: 'utf-8', declaredLang: null, text }];
}
