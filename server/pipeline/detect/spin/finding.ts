// What the spin detectors report, before it becomes a pipeline Finding: a span of the (possibly spun)
// text, its kind, the likely original words and a confidence. Offsets are JS string indexes into the text.

export interface SpinFinding {
  start: number;
  end: number;
  text: string;
  kind: 'spin' | 'meaning';
  suggestion: string | null;
  confidence: number;
  detector: string;
}

/** Keeps a suggestion's case in step with the span it replaces ("Supply hyperlink" → "Source link"). */
export function matchCase(span: string, suggestion: string): string {
  if (/^\p{Lu}/u.test(span) && /^\p{Ll}/u.test(suggestion)) return suggestion[0]?.toUpperCase() + suggestion.slice(1);
  if (/^\p{Ll}/u.test(span) && /^\p{Lu}\p{Ll}/u.test(suggestion) && !/^\p{Lu}/u.test(suggestion.split(' ')[1] ?? 'x')) {
    return suggestion[0]?.toLowerCase() + suggestion.slice(1);
  }
  return suggestion;
}

/** Drops findings overlapping a better one (higher confidence, then longer). */
export function resolveOverlaps(findings: SpinFinding[]): SpinFinding[] {
  const sorted = [...findings].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: SpinFinding[] = [];
  for (const f of sorted) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}
