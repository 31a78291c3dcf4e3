import type { Segment } from '../types.js';

// The corrected copy of a document: accepted corrections applied at their offsets, every other character
// exactly as ingested.
//
// Overlaps are resolved deterministically: edits are taken in order of start offset, then the longer
// span first, then the lower flag id; an edit that overlaps one already taken is skipped (and reported).
// Dropped boilerplate (--drop-boilerplate) is taken before any correction, so a correction inside a
// dropped line is skipped too.

export interface Edit {
  start: number;
  end: number;
  text: string;
  flagId: number | null; // null for boilerplate removal
}

export interface Corrected {
  text: string;
  applied: Edit[];
  skipped: Edit[];
}

export function applyEdits(text: string, edits: Edit[]): Corrected {
  const order = (a: Edit, b: Edit): number =>
    Number(a.flagId !== null) - Number(b.flagId !== null) ||
    a.start - b.start ||
    b.end - b.start - (a.end - a.start) ||
    (a.flagId ?? 0) - (b.flagId ?? 0);
  const taken: Edit[] = [];
  const skipped: Edit[] = [];
  for (const e of [...edits].sort(order)) {
    const bad = e.start < 0 || e.end > text.length || e.start > e.end;
    // two insertions at one point, or an insertion inside a replaced span, also count as overlapping
    const overlaps = taken.some(
      (t) => (e.start < t.end && t.start < e.end) || (e.start === t.start && (e.start === e.end || t.start === t.end)),
    );
    if (bad || overlaps) skipped.push(e);
    else taken.push(e);
  }
  taken.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  out += text.slice(pos);
  return { text: out, applied: taken, skipped };
}

/** Removal edits for boilerplate segments, each with the line break(s) that follow it. */
export function boilerplateEdits(text: string, segments: Segment[]): Edit[] {
  const out: Edit[] = [];
  for (const s of segments) {
    if (!s.boilerplate) continue;
    let end = s.end;
    while (end < text.length && (text[end] === '\n' || text[end] === '\r')) end++;
    out.push({ start: s.start, end, text: '', flagId: null });
  }
  // adjacent boilerplate lines would overlap at their shared line breaks; merge them
  const merged: Edit[] = [];
  for (const e of out) {
    const last = merged[merged.length - 1];
    if (last && e.start <= last.end) last.end = Math.max(last.end, e.end);
    else merged.push({ ...e });
  }
  return merged;
}
