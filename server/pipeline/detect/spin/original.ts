import { classifyChange, type Classified } from './classify.js';
import { diffHunks, type Hunk } from './diff.js';
import { movedHunks } from './moves.js';
import type { SpinFinding } from './finding.js';
import { tokenize, type Token } from './tokens.js';

// With the original: every changed span of the word diff, classified spin or meaning, with the original
// words as the suggestion (replacing [start,end) by each suggestion restores the original exactly).
// The diff's hunks are minimal, which cuts a spinner's multiword swap apart ("pressure" → "air pressure"
// shows as an inserted "air"): a hunk judged a meaning change is retried widened by a shared neighbouring
// word, or cut in two, and the reading that makes it a synonym swap wins.

interface Sides {
  text: string;
  original: string;
  tt: readonly Token[];
  ot: readonly Token[];
}

const contextOf = (text: string, original: string, h: Hunk) => ({
  after: original.slice(h.origEnd, h.origEnd + 16),
  before: text.slice(Math.max(0, h.start - 8), h.start),
});
const judge = (s: Sides, h: Hunk): Classified =>
  classifyChange(
    s.text.slice(h.start, h.end),
    s.original.slice(h.origStart, h.origEnd),
    contextOf(s.text, s.original, h),
  );
const isSynonymSwap = (c: Classified): boolean => c.kind === 'spin' && c.confidence >= 0.9;

function wordsIn(toks: readonly Token[], a: number, b: number): Token[] {
  return toks.filter((t) => t.word && t.start >= a && t.end <= b);
}

/** Widen by up to two shared words on the left and/or right (equal on both sides, outside the hunk). */
function widened(s: Sides, h: Hunk): Hunk | null {
  const shared = (t: Token[], o: Token[]): number => {
    let n = 0;
    while (n < 2 && t[n] && o[n] && (t[n] as Token).word && (t[n] as Token).text === (o[n] as Token).text) n++;
    return n;
  };
  const prevT = s.tt
    .filter((t) => t.end <= h.start)
    .slice(-2)
    .reverse();
  const prevO = s.ot
    .filter((t) => t.end <= h.origStart)
    .slice(-2)
    .reverse();
  const nextT = s.tt.filter((t) => t.start >= h.end).slice(0, 2);
  const nextO = s.ot.filter((t) => t.start >= h.origEnd).slice(0, 2);
  const left = shared(prevT, prevO);
  const right = shared(nextT, nextO);
  const tries: [number, number][] = [
    [0, 1],
    [1, 0],
    [0, 2],
    [2, 0],
    [1, 1],
    [1, 2],
    [2, 1],
    [2, 2],
  ];
  for (const [l, r] of tries) {
    if (l > left || r > right) continue;
    const w = {
      start: l ? (prevT[l - 1] as Token).start : h.start,
      origStart: l ? (prevO[l - 1] as Token).start : h.origStart,
      end: r ? (nextT[r - 1] as Token).end : h.end,
      origEnd: r ? (nextO[r - 1] as Token).end : h.origEnd,
    };
    if (isSynonymSwap(judge(s, w))) return w;
  }
  return null;
}

/** A half of a cut hunk is acceptable when it is spin or a clear fact change (number, negation, name). */
const acceptable = (c: Classified): boolean => c.kind === 'spin' || c.confidence >= 0.9;

/**
 * Cut a many-word hunk in two where each half is spin or a plain fact change, at least one spin
 * ("let in old" ← "include older", "104 rural areas" ← "102 countries", "not presented" ← "shown"), so a
 * spinner's swap beside a changed fact is not blamed for the fact. Cuts with words on both sides of both
 * halves are tried first; then one half may be empty on the original's side (an inserted "not").
 */
function split(s: Sides, h: Hunk, depth = 3, ok: (c: Classified) => boolean = acceptable): Hunk[] | null {
  const tw = wordsIn(s.tt, h.start, h.end);
  const ow = wordsIn(s.ot, h.origStart, h.origEnd);
  if (tw.length < 2 || tw.length + ow.length > 12) return null;
  const cuts = [...Array.from({ length: Math.max(0, ow.length - 1) }, (_, k) => k + 1), 0, ow.length];
  // the two-way cut whose halves are judged most surely wins ("social science | accepted" ← "government |
  // refused", not "social | science accepted"); failing any, a cut whose rest splits again
  let best: { parts: Hunk[]; score: number } | null = null;
  let deeper: Hunk[] | null = null;
  for (const j of cuts) {
    for (let i = 1; i < tw.length; i++) {
      const ti = tw[i] as Token;
      const tp = tw[i - 1] as Token;
      let a: Hunk;
      let b: Hunk;
      if (j === 0) {
        a = { start: h.start, end: ti.start, origStart: h.origStart, origEnd: h.origStart };
        b = { start: ti.start, end: h.end, origStart: h.origStart, origEnd: h.origEnd };
      } else if (j === ow.length) {
        a = { start: h.start, end: tp.end, origStart: h.origStart, origEnd: h.origEnd };
        b = { start: tp.end, end: h.end, origStart: h.origEnd, origEnd: h.origEnd };
      } else {
        a = { start: h.start, end: tp.end, origStart: h.origStart, origEnd: (ow[j - 1] as Token).end };
        b = { start: ti.start, end: h.end, origStart: (ow[j] as Token).start, origEnd: h.origEnd };
        // the text between the halves must be the same on both sides, or restoring would not be exact
        if (s.text.slice(a.end, b.start) !== s.original.slice(a.origEnd, b.origStart)) continue;
      }
      const ca = judge(s, a);
      if (!ok(ca)) continue;
      const cb = judge(s, b);
      if (ok(cb) && (ca.kind === 'spin' || cb.kind === 'spin')) {
        // a cut with words on both sides of both halves is worth more than one that empties a side
        const score = ca.confidence + cb.confidence + (j > 0 && j < ow.length ? 0.5 : 0);
        if (!best || score > best.score) best = { parts: [a, b], score };
        continue;
      }
      // three or more swaps with no shared word between them ("remoted nation for the reason that")
      if (!deeper && depth > 1) {
        const rest = split(s, b, depth - 1, ok);
        if (rest) deeper = [a, ...rest];
      }
    }
  }
  return best?.parts ?? deeper;
}

export function originalFindings(text: string, original: string): SpinFinding[] {
  const s: Sides = { text, original, tt: tokenize(text), ot: tokenize(original) };
  const hunks = diffHunks(text, original);
  const out: Hunk[] = [];
  for (const h of hunks) {
    const c = judge(s, h);
    if (c.kind === 'spin') {
      // a bare insertion or deletion may be half of a swap ("crude" ← "crude oil" shows as a dropped "oil"):
      // widened, it gives the reviewer the whole swap (a word-for-word change is left as cut)
      // several words changed with no sure reading as one swap may be several swaps side by side ("in
      // opposition to different nations" ← "against other countries"): cut where every part is a sure swap
      const bareSide = h.start === h.end || h.origStart === h.origEnd;
      const whole = isSynonymSwap(c) ? h : bareSide ? widened(s, h) : null;
      out.push(...(whole ? [whole] : (split(s, h, 3, isSynonymSwap) ?? [h])));
      continue;
    }
    const w = widened(s, h);
    const parts = w ? null : split(s, h);
    out.push(...(w ? [w] : (parts ?? [h])));
  }
  // neighbouring hunks a shared word or two apart may be one swap cut by the diff ("go"←"visit" + "to"←"",
  // "Each"←"Both" + "nations"←"countries"): joined when the whole reads as a swap and a part did not
  for (let k = 0; k + 1 < out.length; k++) {
    const x = out[k] as Hunk;
    const y = out[k + 1] as Hunk;
    if (s.text.slice(x.end, y.start) !== s.original.slice(x.origEnd, y.origStart)) continue;
    if (wordsIn(s.tt, x.end, y.start).length > 2) continue;
    if (isSynonymSwap(judge(s, x)) && isSynonymSwap(judge(s, y))) continue;
    const m = { start: x.start, end: y.end, origStart: x.origStart, origEnd: y.origEnd };
    const joined = isSynonymSwap(judge(s, m)) ? m : widened(s, m);
    if (joined) {
      out.splice(k, 2, joined);
      k--;
    }
  }
  // a widened hunk may now touch its neighbour: keep the first of any overlapping pair whole
  const kept: Hunk[] = [];
  for (const h of out) {
    const last = kept.at(-1);
    if (last && h.start < last.end) {
      last.end = Math.max(last.end, h.end);
      last.origEnd = Math.max(last.origEnd, h.origEnd);
    } else kept.push({ ...h });
  }
  const moved = movedHunks(text, original, kept);
  return kept.map((h, i) => {
    const spun = text.slice(h.start, h.end);
    const orig = original.slice(h.origStart, h.origEnd);
    const judged = classifyChange(spun, orig, contextOf(text, original, h));
    // words moved, not changed: the claim is the same (a word-order change is spin)
    const c = judged.kind === 'meaning' && moved.has(i) ? { kind: 'spin' as const, confidence: 0.8 } : judged;
    return {
      start: h.start,
      end: h.end,
      text: spun,
      kind: c.kind,
      suggestion: orig,
      confidence: c.confidence,
      detector: 'spin-diff',
    };
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
