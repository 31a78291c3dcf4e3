import { createReadStream } from 'node:fs';

// The lines of a UTF-8 JSONL file, read as bytes with a bound on each line: a record over the limit is
// skipped as it streams past (never held whole: one 100 MB record once took 6 GB), and a line that is not
// valid UTF-8 is refused (it was stored with U+FFFD while a .txt with the same bytes is refused). Lines end
// at \n only (JSON strings cannot hold a raw newline); a trailing \r is dropped.

export type JsonlLine = { line: number; text: string } | { line: number; refused: string };

const NL = 0x0a;

export async function* boundedLines(path: string, maxLineBytes: number): AsyncGenerator<JsonlLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let parts: Buffer[] = [];
  let held = 0; // bytes of the current line held in parts
  let seen = 0; // bytes of the current line, held or not
  let line = 0;
  const end = (): JsonlLine => {
    line++;
    const bytes = seen;
    const buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    parts = [];
    held = 0;
    seen = 0;
    if (bytes > maxLineBytes) {
      return {
        line,
        refused: `record is ${bytes} bytes, over the limit of ${maxLineBytes} (limits.maxFileBytes); skipped without reading it whole`,
      };
    }
    let text: string;
    try {
      text = decoder.decode(buf);
    } catch {
      const at = firstInvalidUtf8(buf);
      return {
        line,
        refused: `undecodable bytes: the record is not valid UTF-8 (byte 0x${buf[at]?.toString(16).toUpperCase()} at offset ${at} of the line); JSONL is read as UTF-8`,
      };
    }
    return { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  const take = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen <= maxLineBytes) {
      parts.push(chunk);
      held += chunk.length;
    } else if (parts.length) {
      parts = []; // over the limit: what was held goes, the rest is only counted
      held = 0;
    }
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(NL, from); nl >= 0; nl = chunk.indexOf(NL, from)) {
      take(chunk.subarray(from, nl));
      yield end();
      from = nl + 1;
    }
    if (from < chunk.length) take(chunk.subarray(from));
  }
  if (seen > 0) yield end();
}

/** Offset of the first byte that breaks UTF-8 (for the message). */
function firstInvalidUtf8(buf: Buffer): number {
  for (let i = 0; i < buf.length;) {
    const b = buf[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (i + k >= buf.length || (buf[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return 0;
}
