import { meaningPieces } from './meaning.js';
import { anyOverlap } from './score.js';
import type { ZooEdit, ZooSpun } from './types.js';

/**
 * Meaning edits put into an already spun text (a real spinner's output) on words the spinner left alone;
 * the spinner's gold edits move by the length change of the meaning edits before them.
 */
export function addMeaning(s: ZooSpun, r: () => number, n: number): ZooSpun {
  const pieces = meaningPieces(s.text, r, n * 3)
    .filter((p) => !anyOverlap(p, s.edits))
    .slice(0, n)
    .sort((a, b) => a.start - b.start);
  const growthBefore = (at: number): number =>
    pieces.filter((p) => p.end <= at).reduce((d, p) => d + p.replacement.length - (p.end - p.start), 0);
  const edits: ZooEdit[] = s.edits.map((e) => ({
    ...e,
    start: e.start + growthBefore(e.start),
    end: e.end + growthBefore(e.start),
  }));
  let text = '';
  let at = 0;
  for (const p of pieces) {
    text += s.text.slice(at, p.start);
    edits.push({
      start: text.length,
      end: text.length + p.replacement.length,
      text: p.replacement,
      original: s.text.slice(p.start, p.end),
      kind: 'meaning',
      by: p.by,
    });
    text += p.replacement;
    at = p.end;
  }
  text += s.text.slice(at);
  return { ...s, text, edits: edits.sort((a, b) => a.start - b.start) };
}
