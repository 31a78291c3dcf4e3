import type { IngestedDoc } from '../types.js';
import { parseJsonl } from './jsonl.js';
import * as read from './read.js';

// Ingest of every format, JSONL records included (read.ts does the reading; jsonl.ts the records).

export { formatOf, hasVisibleText, type IngestOptions } from './read.js';

export const ingestFile = (path: string, opts: read.IngestOptions): IngestedDoc[] =>
  read.ingestFile(path, opts, parseJsonl);

export const ingestBuffer = (buf: Buffer, path: string, opts: read.IngestOptions): IngestedDoc[] =>
  read.ingestBuffer(buf, path, opts, parseJsonl);
