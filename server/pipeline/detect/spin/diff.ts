import { diffArrays } from 'diff';
import { tokenize, type Token } from './tokens.js';

// Document-level word diff of a spun text against its original. Whole-document rather than per aligned
// sentence: spinners keep sentence order, and one diff gives exact offsets and exact restoration
// (every character outside the hunks is equal in both texts, so replacing each hunk by its original restores).

export interface Hunk {
  start: number; // in the spun text
  end: number;
  origStart: number; // in the original
  origEnd: number;
}

interface Anchor {
  t: Token; // spun
  o: Token; // original
}

/** Anchors = equal tokens paired by the diff; everything between two anchors that differs is a hunk. */
export function diffHunks(text: string, original: string): Hunk[] {
  const tt = tokenize(text);
  const ot = tokenize(original);
  const parts = diffArrays(
    ot.map((t) => t.text),
    tt.map((t) => t.text),
  );
  const anchors: Anchor[] = [];
  let i = 0; // original token index
  let j = 0; // spun token index
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (p.added) j += n;
    else if (p.removed) i += n;
    else for (let k = 0; k < n; k++) anchors.push({ o: ot[i++] as Token, t: tt[j++] as Token });
  }
  const hunks: Hunk[] = [];
  let prevT = 0;
  let prevO = 0;
  const between = (endT: number, endO: number, tokT: Token[], tokO: Token[]): void => {
    const a = text.slice(prevT, endT);
    const b = original.slice(prevO, endO);
    if (a !== b) hunks.push(...splitGap(prevT, endT, prevO, endO, a, b, tokT, tokO));
  };
  let ti = 0;
  let oi = 0;
  for (const an of anchors) {
    const tokT: Token[] = [];
    const tokO: Token[] = [];
    while (ti < tt.length && (tt[ti] as Token).start < an.t.start) tokT.push(tt[ti++] as Token);
    while (oi < ot.length && (ot[oi] as Token).start < an.o.start) tokO.push(ot[oi++] as Token);
    between(an.t.start, an.o.start, tokT, tokO);
    ti++;
    oi++;
    prevT = an.t.end;
    prevO = an.o.end;
  }
  between(text.length, original.length, tt.slice(ti), ot.slice(oi));
  return hunks;
}

/**
 * One gap between anchors → hunks. Leading/trailing whitespace common to both sides is left out of the span;
 * a gap with as many changed words on each side (two adjacent one-word swaps) is split word by word.
 */
function splitGap(
  t0: number,
  t1: number,
  o0: number,
  o1: number,
  a: string,
  b: string,
  tokT: Token[],
  tokO: Token[],
): Hunk[] {
  if (tokT.length > 1 && tokT.length === tokO.length && tokT.every((t) => t.word) && tokO.every((t) => t.word)) {
    const out: Hunk[] = [];
    for (let k = 0; k < tokT.length; k++) {
      const x = tokT[k] as Token;
      const y = tokO[k] as Token;
      const sepT = k === 0 ? '' : a.slice((tokT[k - 1] as Token).end - t0, x.start - t0);
      const sepO = k === 0 ? '' : b.slice((tokO[k - 1] as Token).end - o0, y.start - o0);
      if (sepT !== sepO) return trimmed(t0, t1, o0, o1, a, b);
      if (x.text !== y.text) out.push({ start: x.start, end: x.end, origStart: y.start, origEnd: y.end });
    }
    const lead = [a.slice(0, (tokT[0] as Token).start - t0), b.slice(0, (tokO[0] as Token).start - o0)];
    const tail = [a.slice((tokT.at(-1) as Token).end - t0), b.slice((tokO.at(-1) as Token).end - o0)];
    if (lead[0] === lead[1] && tail[0] === tail[1]) return out;
  }
  return trimmed(t0, t1, o0, o1, a, b);
}

function trimmed(t0: number, t1: number, o0: number, o1: number, a: string, b: string): Hunk[] {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s] && /\s/.test(a[s] as string)) s++;
  let e = 0;
  while (
    e < a.length - s &&
    e < b.length - s &&
    a[a.length - 1 - e] === b[b.length - 1 - e] &&
    /\s/.test(a[a.length - 1 - e] as string)
  )
    e++;
  return [{ start: t0 + s, end: t1 - e, origStart: o0 + s, origEnd: o1 - e }];
}
