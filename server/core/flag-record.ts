import type { Finding, Severity, Span } from './types.js';

// The one flag record of the command line's JSONL (DESIGN.md: check, audit, judge): every command that
// prints flags builds them here, so each has the same fields and the same sides. `src` is the source side
// (the first input of `check`, a story's pivot in `audit` and `judge`), `tgt` the other; a sentence the
// translation omits is a source sentence, so it is under `src` wherever it is printed.

export type Side = 'src' | 'tgt';

/** One flag as `tapat check --jsonl` prints it. */
export interface FlagRecord {
  src: number[];
  tgt: number[];
  detector: string;
  category: string;
  severity: Severity;
  confidence: number;
  message: string;
  evidence: Record<string, unknown>;
  suggestion: string | null;
  /** Character spans into each side (JavaScript string indexes), null when the flag has none there. */
  span: { src: Span | null; tgt: Span | null };
}

/** One flag as `tapat audit --jsonl` and `tapat judge --jsonl` print it: a check record plus the flagged document and its offsets. */
export interface DocFlagRecord extends FlagRecord {
  doc: string;
  start: number | null;
  end: number | null;
}

/** A flag with its sentences and spans put on the two sides. */
export interface SidedFlag {
  src: number[];
  tgt: number[];
  srcSpan: Span | null;
  tgtSpan: Span | null;
  /** a detector's finding, or a stored flag (whose category is a column read back as text) */
  finding: Pick<Finding, 'detector' | 'severity' | 'confidence' | 'message' | 'evidence' | 'suggestion'> & {
    category: string;
  };
}

type FlagFacts = SidedFlag['finding'] & Pick<Finding, 'segments' | 'otherSegments' | 'span' | 'otherSpan'>;

/** Puts a flag's own sentences and span on `side` (the side of the document it flags) and the other's opposite. */
export function sided(f: FlagFacts, side: Side): SidedFlag {
  const mine = { segs: f.segments, span: f.span };
  const other = { segs: f.otherSegments, span: f.otherSpan };
  const [s, t] = side === 'src' ? [mine, other] : [other, mine];
  return { src: s.segs, tgt: t.segs, srcSpan: s.span, tgtSpan: t.span, finding: f };
}

export interface RecordOptions {
  /**
   * Three decimals, as `check` has always printed. `audit` and `judge` print the confidence as stored: a
   * script compares it with the minConfidence thresholds of its config, and a rounded value could put a flag
   * on the wrong side of one.
   */
  roundConfidence?: boolean;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function flagRecord(p: SidedFlag, opts: RecordOptions = {}): FlagRecord {
  const f = p.finding;
  return {
    src: p.src,
    tgt: p.tgt,
    detector: f.detector,
    category: f.category,
    severity: f.severity,
    confidence: opts.roundConfidence ? round(f.confidence) : f.confidence,
    message: f.message,
    evidence: f.evidence,
    suggestion: f.suggestion,
    span: { src: p.srcSpan, tgt: p.tgtSpan },
  };
}

/** The record of a flag in a stored story: `doc` is the flagged document, `start`/`end` the flag's offsets in it. */
export function docFlagRecord(p: SidedFlag, doc: string, own: Span | null): DocFlagRecord {
  return { ...flagRecord(p), doc, start: own?.start ?? null, end: own?.end ?? null };
}
