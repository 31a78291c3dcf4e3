import type { Category, Segment, Severity, Span } from '../types.js';
import type { PairContext, PairFinding } from './types.js';

// A bead side as one string (its sentences joined by a space), with the way back from a local offset
// to a document offset: Segment.start/end are document offsets, so a span inside sentence k is seg.start + local.

export interface SideText {
  text: string;
  segs: Segment[];
  /** Document span of local [a, b) (clamped to the sentence a falls in). */
  toDoc(a: number, b: number): Span;
  /** Document span of the whole side, or null when it is empty. */
  whole(): Span | null;
}

export function sideText(segs: Segment[]): SideText {
  const starts: number[] = [];
  let text = '';
  for (const s of segs) {
    if (text) text += ' ';
    starts.push(text.length);
    text += s.text;
  }
  return {
    text,
    segs,
    toDoc(a, b) {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1]! <= a) k++;
      const seg = segs[k]!;
      const off = starts[k]!;
      return { start: seg.start + (a - off), end: Math.min(seg.end, seg.start + (b - off)) };
    },
    whole: () => (segs.length ? { start: segs[0]!.start, end: segs[segs.length - 1]!.end } : null),
  };
}

export interface PairFindingInput {
  side?: 'src' | 'tgt';
  rawScore: number;
  severity: Severity;
  confidence: number;
  message: string;
  evidence: Record<string, unknown>;
  /** Local span in the flagged side's joined text; null = the whole side. */
  local?: [number, number] | null;
  /** Local span in the other side's joined text; null = the whole side. */
  otherLocal?: [number, number] | null;
  suggestion?: string | null;
  category?: Category;
}

/** Builds a pair finding with document offsets on both sides. */
export function pairFinding(d: { id: string; category: Category }, ctx: PairContext, f: PairFindingInput): PairFinding {
  const side = f.side ?? 'tgt';
  const mine = sideText(side === 'tgt' ? ctx.tgt : ctx.src);
  const other = sideText(side === 'tgt' ? ctx.src : ctx.tgt);
  return {
    detector: d.id,
    category: f.category ?? d.category,
    severity: f.severity,
    confidence: Math.max(0, Math.min(1, f.confidence)),
    rawScore: f.rawScore,
    segments: mine.segs.map((s) => s.index),
    otherSegments: other.segs.map((s) => s.index),
    span: f.local ? mine.toDoc(f.local[0], f.local[1]) : mine.whole(),
    otherSpan: f.otherLocal ? other.toDoc(f.otherLocal[0], f.otherLocal[1]) : other.whole(),
    message: f.message,
    evidence: f.evidence,
    suggestion: f.suggestion ?? null,
    side,
  };
}

/** True when any sentence of the bead is scrape junk: the boilerplate detector speaks for those. */
export function touchesBoilerplate(ctx: PairContext): boolean {
  return ctx.src.some((s) => s.boilerplate) || ctx.tgt.some((s) => s.boilerplate);
}

/** Both sides present and neither boilerplate: what most pair checks need. */
export function isContentPair(ctx: PairContext): boolean {
  return ctx.src.length > 0 && ctx.tgt.length > 0 && !touchesBoilerplate(ctx);
}

/**
 * A link in a comparable pair that the aligner was not sure of: the two sentences are neighbours in related
 * articles, not a claimed translation, so their lengths and wording say nothing about translation quality.
 */
export function weakComparableLink(ctx: PairContext, minScore: number): boolean {
  return ctx.regime?.kind === 'comparable' && ctx.bead.score < minScore;
}
