import { z } from 'zod';
import { InputError } from '../../errors.js';
import type { IngestedDoc } from '../types.js';

// One scraped record of a JSONL batch. In batch mode a malformed record is refused on its own (reported
// by line, the rest of the batch goes on); single-file ingest refuses the whole file instead.
const Record = z
  .object({
    text: z.string().refine((s) => s.trim().length > 0, 'is empty'),
    url: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    lang: z.string().nullable().optional(),
  })
  .loose();

export function parseJsonlRecord(line: string, path: string, lineNo: number): IngestedDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    throw new InputError(`not valid JSON (${(e as Error).message})`, path, lineNo);
  }
  const r = Record.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new InputError(`record ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`, path, lineNo);
  }
  return {
    path: `${path}#L${lineNo}`,
    url: r.data.url ?? null,
    title: r.data.title ?? null,
    format: 'jsonl',
    encoding: 'utf-8',
    declaredLang: r.data.lang ?? null,
    text: r.data.text,
  };
}
