import { create } from 'xmlbuilder2';
import type { AuditExportData } from './model.js';
import { flagNote } from './notes.js';

// XLIFF 2.0 (core): one <unit> per aligned pair, its <segment state> from the verdicts, each flag a
// <note category="detector id">. A null link (no target) is an 'initial' segment without <target>.
export function toXliff(data: AuditExportData): string {
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele(
    'urn:oasis:names:tc:xliff:document:2.0',
    'xliff',
    { version: '2.0', srcLang: data.source?.lang ?? 'en', trgLang: data.target?.lang ?? 'tl' },
  );
  const file = root.ele('file', {
    id: `audit-${data.auditId}`,
    original: data.target?.path ?? data.source?.path ?? '',
  });
  for (const p of data.pairs) {
    const unit = file.ele('unit', { id: p.id });
    if (p.flags.length) {
      const notes = unit.ele('notes');
      for (const f of p.flags) notes.ele('note', { id: `flag-${f.id}`, category: f.detector }).txt(flagNote(f));
    }
    const seg = unit.ele('segment', { id: `s-${p.id}`, state: p.state });
    seg.ele('source').txt(p.source);
    if (p.state !== 'initial') seg.ele('target').txt(p.target);
  }
  return root.end({ prettyPrint: true }) + '\n';
}
