import type { Piece, ZooEdit, ZooSpun } from './types.js';

/** Applies non-overlapping pieces (the first of two overlapping ones wins) and records the gold edits. */
export function compose(family: string, original: string, pieces: Piece[]): ZooSpun {
  const sorted = [...pieces].sort((a, b) => a.start - b.start || a.end - b.end);
  let text = '';
  let at = 0;
  const edits: ZooEdit[] = [];
  for (const p of sorted) {
    if (p.start < at) continue;
    const orig = original.slice(p.start, p.end);
    if (orig === p.replacement) continue;
    text += original.slice(at, p.start);
    edits.push({
      start: text.length,
      end: text.length + p.replacement.length,
      text: p.replacement,
      original: orig,
      kind: p.kind,
      by: p.by,
    });
    text += p.replacement;
    at = p.end;
  }
  text += original.slice(at);
  return { family, text, original, edits };
}

/** Pieces of `extra` that overlap none of `taken` (meaning edits go on words no spinner touched). */
export function disjoint(taken: Piece[], extra: Piece[]): Piece[] {
  return extra.filter(
    (e) => !taken.some((t) => e.start < Math.max(t.end, t.start + 1) && t.start < Math.max(e.end, e.start + 1)),
  );
}
