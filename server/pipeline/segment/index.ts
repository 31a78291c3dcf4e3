import type { IngestedDoc, Lang, Segment, SegmentedDoc } from '../types.js';

// FIRST CUT (foundation issue replaces this): blank-line paragraphs, Intl.Segmenter sentences, no language id.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function segmentText(text: string, docLang: Lang = 'en'): Segment[] {
  const out: Segment[] = [];
  const paraRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  let paragraph = 0;
  for (const pm of text.matchAll(paraRe)) {
    const pStart = pm.index ?? 0;
    let any = false;
    for (const s of segmenter.segment(pm[0])) {
      const lead = s.segment.length - s.segment.trimStart().length;
      const trimmed = s.segment.trim();
      if (!trimmed) continue;
      const start = pStart + s.index + lead;
      out.push({ index: out.length, start, end: start + trimmed.length, text: trimmed, paragraph, lang: docLang, boilerplate: false });
      any = true;
    }
    if (any) paragraph++;
  }
  return out;
}

/** --presegmented input: each line is one sentence (line numbers 0-based), empty lines included. */
export function segmentLines(text: string, lang: Lang = 'en'): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    out.push({ index: out.length, start: pos, end: pos + line.length, text: line, paragraph: out.length, lang, boilerplate: false });
    pos += raw.length + 1;
  }
  return out;
}

export function segmentDoc(doc: IngestedDoc): SegmentedDoc {
  const lang: Lang = doc.declaredLang === 'tl' ? 'tl' : 'en';
  return { ...doc, lang, segments: segmentText(doc.text, lang) };
}
