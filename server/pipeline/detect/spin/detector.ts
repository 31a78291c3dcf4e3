import type { Finding, Segment, Severity } from '../../types.js';
import type { SpinContext, SpinDetector } from '../types.js';
import type { SpinFinding } from './finding.js';

// What every spin detector module shares: its findings placed on the document's segments as audit findings,
// and the minConfidence cut every spin detector declares.

function segmentsOf(segs: Segment[], start: number, end: number): number[] {
  return segs.filter((s) => s.start < Math.max(end, start + 1) && start < s.end).map((s) => s.index);
}

/** A spin finding as an audit finding on the document of ctx. */
export function toFinding(ctx: Pick<SpinContext, 'doc'>, f: SpinFinding, severity: Severity): Finding {
  return {
    detector: f.detector,
    category: f.kind === 'meaning' ? 'accuracy/mistranslation' : 'style/spin',
    severity: f.kind === 'meaning' ? 'major' : severity,
    confidence: f.confidence,
    rawScore: f.confidence,
    segments: segmentsOf(ctx.doc.segments, f.start, f.end),
    otherSegments: [],
    span: { start: f.start, end: f.end },
    otherSpan: null,
    message:
      f.kind === 'meaning'
        ? `changed from the original: "${f.text}" (was "${f.suggestion ?? ''}")`
        : `spun wording "${f.text}"${f.suggestion !== null ? ` (likely "${f.suggestion}")` : ''}`,
    evidence: { kind: f.kind, text: f.text },
    suggestion: f.suggestion,
  };
}

/**
 * A spin detector from its description and its finder. `minConfidence` (every spin detector has it) is cut
 * here; the finder applies its other thresholds.
 */
export function spinDetector(
  base: Omit<SpinDetector, 'run' | 'find' | 'scope'>,
  found: (ctx: SpinContext) => readonly SpinFinding[],
): SpinDetector {
  const find = (ctx: SpinContext): SpinFinding[] => {
    const min = ctx.thresholds.minConfidence ?? base.thresholds.minConfidence ?? 0;
    return found(ctx).filter((f) => f.detector === base.id && f.confidence >= min);
  };
  return {
    ...base,
    scope: 'spin',
    find,
    run: (ctx) => find(ctx).map((f) => toFinding(ctx, f, base.defaultSeverity)),
  };
}
