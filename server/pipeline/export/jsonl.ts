import type { AuditExportData } from './model.js';
import type { ExportPairRecord } from '../../../contract/index.js';

// JSONL: one reviewed pair per line, with its flags and their current verdicts.
export function toJsonl(data: AuditExportData): string {
  return data.pairs
    .map(
      (p) =>
        JSON.stringify({
          pair: p.id,
          src: p.src,
          tgt: p.tgt,
          source: p.source,
          target: p.target,
          state: p.state,
          flags: p.flags.map((f) => ({
            id: f.id,
            detector: f.detector,
            category: f.category,
            severity: f.severity,
            message: f.message,
            suggestion: f.suggestion,
            verdict: f.verdict ? { action: f.verdict.action, text: f.verdict.text } : null,
          })),
        } satisfies ExportPairRecord) + '\n',
    )
    .join('');
}
