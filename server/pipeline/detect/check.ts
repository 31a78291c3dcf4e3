import type { SegmentedDoc, Severity, Span } from '../types.js';
import { alignDocs } from '../../core/align-side.js';
import { documentDetectors, allDetectors } from './registry.js';
import { detectPair } from './pair.js';
import { thresholdsFor, validateThresholds, type ThresholdConfig } from './thresholds.js';

// `tapat check`: align a source and its translation, run the pair detectors on every bead and the document
// detectors on both sides. One record per flag, in the CLI's JSONL shape.

export interface CheckRecord {
  src: number[];
  tgt: number[];
  detector: string;
  category: string;
  severity: Severity;
  confidence: number;
  message: string;
  evidence: Record<string, unknown>;
  suggestion: string | null;
  /** Character spans into each input (JavaScript string indexes), null when the flag has none there. */
  span: { src: Span | null; tgt: Span | null };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function checkDocs(src: SegmentedDoc, tgt: SegmentedDoc, thresholds: ThresholdConfig = {}): CheckRecord[] {
  validateThresholds(thresholds, allDetectors());
  const beads = alignDocs(src, tgt);
  const out: CheckRecord[] = detectPair(src, tgt, beads, { thresholds }).map((p) => ({
    src: p.src,
    tgt: p.tgt,
    detector: p.finding.detector,
    category: p.finding.category,
    severity: p.finding.severity,
    confidence: round(p.finding.confidence),
    message: p.finding.message,
    evidence: p.finding.evidence,
    suggestion: p.finding.suggestion,
    span: { src: p.srcSpan, tgt: p.tgtSpan },
  }));
  for (const [side, doc] of [['src', src], ['tgt', tgt]] as const) {
    for (const d of documentDetectors) {
      for (const f of d.run({ doc, thresholds: thresholdsFor(d, thresholds) })) {
        out.push({
          src: side === 'src' ? f.segments : [],
          tgt: side === 'tgt' ? f.segments : [],
          detector: f.detector,
          category: f.category,
          severity: f.severity,
          confidence: round(f.confidence),
          message: f.message,
          evidence: f.evidence,
          suggestion: f.suggestion,
          span: { src: side === 'src' ? f.span : null, tgt: side === 'tgt' ? f.span : null },
        });
      }
    }
  }
  const first = (r: CheckRecord) => Math.min(r.src[0] ?? Infinity, r.tgt[0] ?? Infinity);
  return out.sort((a, b) => (a.src[0] ?? -1) - (b.src[0] ?? -1) || (a.tgt[0] ?? -1) - (b.tgt[0] ?? -1) || first(a) - first(b));
}
