import type { DocumentRow } from '../../db/documents.js';

// The corrected copy as txt or md is the corrected text itself (every other byte as ingested; for HTML
// inputs that is the extracted text). As html it is a minimal page: one <p> per blank-line paragraph.

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function toHtmlPage(doc: DocumentRow, text: string): string {
  const paras = text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  const title = esc(doc.title ?? doc.path);
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n${paras}\n</body></html>\n`;
}
