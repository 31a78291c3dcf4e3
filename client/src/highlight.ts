import { diffWords } from 'diff';
import { h } from './dom.js';

// Text decoration without HTML: a text is cut at mark boundaries into text nodes and <span>s with classes.

export interface Mark {
  start: number;
  end: number;
  cls: string;
  title?: string;
  /** Shown right after the marked text (e.g. a spun phrase's suggested original). */
  after?: string;
}

export function decorate(text: string, marks: Mark[]): Node[] {
  const ms = marks
    .map((m) => ({
      ...m,
      start: Math.max(0, Math.min(text.length, m.start)),
      end: Math.max(0, Math.min(text.length, m.end)),
    }))
    .filter((m) => m.end > m.start);
  const cuts = [...new Set([0, text.length, ...ms.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const out: Node[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const on = ms.filter((m) => m.start <= a && b <= m.end);
    const piece = text.slice(a, b);
    if (on.length === 0) out.push(document.createTextNode(piece));
    else {
      const titles = on.map((m) => m.title).filter((t): t is string => !!t);
      out.push(
        h(
          'span',
          { class: [...new Set(on.map((m) => m.cls))].join(' '), title: titles.length ? titles.join('\n') : undefined },
          piece,
        ),
      );
    }
    for (const m of ms)
      if (m.end === b && m.after)
        out.push(h('span', { class: 'suggestion', title: 'suggested original' }, `→ ${m.after}`));
  }
  return out;
}

/** Word-level differences between an original (a) and a changed copy (b): removed words in a, added words in b. */
export function wordDiff(a: string, b: string): { a: Mark[]; b: Mark[] } {
  const ma: Mark[] = [];
  const mb: Mark[] = [];
  let pa = 0;
  let pb = 0;
  for (const part of diffWords(a, b)) {
    const n = part.value.length;
    if (part.removed) {
      if (part.value.trim()) ma.push({ start: pa, end: pa + n, cls: 'del', title: 'not in the spun copy' });
      pa += n;
    } else if (part.added) {
      if (part.value.trim()) mb.push({ start: pb, end: pb + n, cls: 'ins', title: 'changed in the spun copy' });
      pb += n;
    } else {
      pa += n;
      pb += n;
    }
  }
  return { a: ma, b: mb };
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
const isNumber = (t: string): boolean => /\p{N}/u.test(t);
const isName = (t: string): boolean => /^\p{Lu}/u.test(t);

/**
 * Anchors between a translation pair (tl vs en): numbers, names and identical long words found on both
 * sides are marked as anchors; numbers found on one side only are marked as missing on the other.
 */
export function anchorMarks(text: string, other: string): Mark[] {
  const otherTokens = new Set([...other.matchAll(TOKEN)].map((m) => m[0].toLowerCase()));
  const marks: Mark[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const start = m.index ?? 0;
    const shared = otherTokens.has(t.toLowerCase());
    if (shared && (isNumber(t) || isName(t) || t.length >= 6))
      marks.push({ start, end: start + t.length, cls: 'anchor', title: 'also in the aligned sentence' });
    else if (!shared && isNumber(t))
      marks.push({ start, end: start + t.length, cls: 'miss', title: 'number not in the aligned sentence' });
  }
  return marks;
}
