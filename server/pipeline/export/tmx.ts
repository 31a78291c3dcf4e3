import { create } from 'xmlbuilder2';
import type { AuditExportData } from './model.js';
import { flagNote } from './notes.js';

// TMX 1.4b: one <tu> per aligned pair; the review state is a <prop type="x-state">, each flag a <note>.
export function toTmx(data: AuditExportData): string {
  const srcLang = data.source?.lang ?? 'en';
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele('tmx', { version: '1.4' });
  root.ele('header', {
    creationtool: 'tapat',
    creationtoolversion: '0.1.0',
    segtype: 'sentence',
    'o-tmf': 'tapat',
    adminlang: 'en',
    srclang: srcLang,
    datatype: 'plaintext',
  });
  const body = root.ele('body');
  for (const p of data.pairs) {
    const tu = body.ele('tu', { tuid: `${data.auditId}-${p.id}` });
    tu.ele('prop', { type: 'x-state' }).txt(p.state);
    for (const f of p.flags) tu.ele('note').txt(flagNote(f));
    tu.ele('tuv', { 'xml:lang': srcLang }).ele('seg').txt(p.source);
    tu.ele('tuv', { 'xml:lang': data.target?.lang ?? 'tl' })
      .ele('seg')
      .txt(p.target);
  }
  return root.end({ prettyPrint: true }) + '\n';
}
