import type { z } from 'zod';
import { InputError } from '../../errors.js';
import type { IngestedDoc } from '../types.js';
import { htmlToText } from './html.js';
import { InputRecord as RecordSchema } from '../../../contract/jsonl/input.js';

// JSONL of scraped records, one per line: {"url","title","text"|"html","lang"?} (contract/jsonl/input.ts).
// Every line is checked before any record is returned: one malformed line refuses the whole file, so callers
// never store half.

function issueText(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return 'invalid record';
  const where = first.path.length ? `"${first.path.join('.')}": ` : '';
  return `${where}${first.message}`;
}

/**
 * One line of a JSONL file (lineNo 1-based) → its document, or null for a blank line; an InputError names
 * the line when the record is malformed. parseJsonl() refuses the whole file on the first bad line; the
 * batch driver reads line by line and refuses only the bad record.
 */
export function parseJsonlLine(raw: string, lineNo: number, path: string, encoding: string): IngestedDoc | null {
  const line = raw.trim();
  if (!line) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new InputError(
      `malformed JSONL record (line ${lineNo}): not valid JSON (${(e as Error).message})`,
      path,
      lineNo,
    );
  }
  const parsed = RecordSchema.safeParse(value);
  if (!parsed.success)
    throw new InputError(`malformed JSONL record (line ${lineNo}): ${issueText(parsed.error)}`, path, lineNo);
  const r = parsed.data;
  let fromHtml = null;
  if (!r.text?.trim()) {
    try {
      fromHtml = htmlToText(r.html ?? '');
    } catch (e) {
      if (e instanceof InputError)
        throw new InputError(`malformed JSONL record (line ${lineNo}): ${e.message}`, path, lineNo);
      throw e;
    }
  }
  const body = fromHtml ? fromHtml.text : (r.text ?? '');
  if (!body.trim())
    throw new InputError(`malformed JSONL record (line ${lineNo}): the HTML has no readable text`, path, lineNo);
  return {
    path: `${path}#L${lineNo}`,
    url: r.url ?? null,
    title: r.title?.trim() || fromHtml?.title || null,
    format: 'jsonl',
    encoding,
    declaredLang: r.lang ?? null,
    text: body,
    ...(fromHtml?.marks.length ? { marks: fromHtml.marks } : {}),
  };
}

export function parseJsonl(text: string, path: string, encoding: string): IngestedDoc[] {
  const docs: IngestedDoc[] = [];
  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    lineNo++;
    const doc = parseJsonlLine(text.slice(pos, nl), lineNo, path, encoding);
    pos = nl + 1;
    if (doc) docs.push(doc);
  }
  if (docs.length === 0) throw new InputError('JSONL file has no records', path);
  return docs;
}
