import type { Lang, Segment, SegmentedDoc } from '../types.js';
import { guessLang } from '../../lang/langGuess.js';
import type { Bead } from '../types.js';

// Turning plain strings (a detector's examples, `tapat check --presegmented` lines, bench pairs)
// into the carrier types, so every detector is exercised through the same contract it meets in an audit.

/** A document whose sentences are the given lines (joined by newlines; offsets into that text). */
export function docFromLines(
  lines: string[],
  lang: Lang,
  path = '(example)',
  boilerplate: (false | string)[] = [],
): SegmentedDoc {
  let text = '';
  const segments: Segment[] = lines.map((line, index) => {
    if (index > 0) text += '\n';
    const start = text.length;
    text += line;
    return {
      index,
      start,
      end: text.length,
      text: line,
      paragraph: index,
      lang: guessLang(line, lang),
      boilerplate: boilerplate[index] ?? false,
    };
  });
  return { path, url: null, title: null, format: 'txt', encoding: 'utf-8', declaredLang: null, text, lang, segments };
}

/** 1-1 beads down the diagonal: for inputs that are already sentence-aligned. */
export function diagonalBeads(n: number): Bead[] {
  return Array.from({ length: n }, (_, i) => ({ src: [i], tgt: [i], score: 1 }));
}
