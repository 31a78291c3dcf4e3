import { classifyChange } from './classify.js';
import { diffHunks } from './diff.js';
import type { SpinFinding } from './finding.js';

// With the original: every changed span of the word diff, classified spin or meaning, with the original
// words as the suggestion (replacing [start,end) by each suggestion restores the original exactly).

export function originalFindings(text: string, original: string): SpinFinding[] {
  return diffHunks(text, original).map((h) => {
    const spun = text.slice(h.start, h.end);
    const orig = original.slice(h.origStart, h.origEnd);
    const c = classifyChange(spun, orig);
    return { start: h.start, end: h.end, text: spun, kind: c.kind, suggestion: orig, confidence: c.confidence, detector: 'spin-diff' };
  });
}

/** Applies suggestions (non-overlapping findings) to the text: the restored copy. */
export function restore(text: string, findings: { start: number; end: number; suggestion: string | null }[]): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.suggestion === null || f.start < at) continue;
    out += text.slice(at, f.start) + f.suggestion;
    at = f.end;
  }
  return out + text.slice(at);
}
