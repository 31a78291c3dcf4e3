import type { AuditExportData } from './model.js';
import { flagNote } from './notes.js';

// CSV (RFC 4180: CRLF records, fields quoted when they hold a comma, quote, CR or LF; quotes doubled).
// A cell starting with = + - @ (or tab / CR) is prefixed with an apostrophe so a spreadsheet shows it as
// text instead of evaluating it as a formula (OWASP CSV injection).

export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvField(cell: string): string {
  const v = neutralise(cell);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvRow = (cells: string[]): string => cells.map(csvField).join(',') + '\r\n';

export const CSV_HEADER = ['pair', 'source_segments', 'target_segments', 'source', 'target', 'state', 'flags'];

export function toCsv(data: AuditExportData): string {
  let out = csvRow(CSV_HEADER);
  for (const p of data.pairs)
    out += csvRow([
      p.id,
      p.src.join(' '),
      p.tgt.join(' '),
      p.source,
      p.target,
      p.state,
      p.flags.map(flagNote).join('\n'),
    ]);
  return out;
}
