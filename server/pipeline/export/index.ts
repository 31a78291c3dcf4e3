import type { AuditSource } from '../../db/audit-reads.js';
import { auditPairs, correctedDocument } from './model.js';
import { toHtmlPage } from './document.js';
import { toTmx } from './tmx.js';
import { toXliff } from './xliff.js';
import { toCsv } from './csv.js';
import { toJsonl } from './jsonl.js';

// Exports of an audit: the corrected copy of one document (txt, md, html) or its reviewed pairs
// (tmx, xliff, csv, jsonl). Used by `tapat export` and GET /api/audits/:id/export.

import type { ExportFormat } from './formats.js';
export { EXPORT_FORMATS, type ExportFormat } from './formats.js';

export interface ExportOptions {
  format: ExportFormat;
  /** txt/md/html: the document (default the pivot); pairs: the target version (default the first translation). */
  documentId: number | null;
  dropBoilerplate: boolean;
}

export interface ExportResult {
  body: string;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  tmx: 'application/x-tmx+xml; charset=utf-8',
  xliff: 'application/xliff+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

export function exportAudit(db: AuditSource, auditId: number, opts: ExportOptions): ExportResult {
  const f = opts.format;
  const base = `audit-${auditId}`;
  if (f === 'txt' || f === 'md' || f === 'html') {
    const c = correctedDocument(db, auditId, opts.documentId, opts.dropBoilerplate);
    const body = f === 'html' ? toHtmlPage(c.doc, c.text) : c.text;
    return { body, contentType: CONTENT_TYPES[f], filename: `${base}-doc-${c.doc.id}.${f}` };
  }
  const data = auditPairs(db, auditId, opts.documentId);
  const body = f === 'tmx' ? toTmx(data) : f === 'xliff' ? toXliff(data) : f === 'csv' ? toCsv(data) : toJsonl(data);
  return { body, contentType: CONTENT_TYPES[f], filename: `${base}.${f === 'xliff' ? 'xlf' : f}` };
}
