import { detectLang, normalizeLang } from '../../lang/langid.js';
import type { IngestedDoc, Lang, Mark, Segment, SegmentedDoc } from '../types.js';
import { boilerplateReason, normalizeTitle } from './boilerplate.js';
import { splitParagraphs, type Paragraph } from './paragraphs.js';
import { splitSentences } from './sentences.js';

export { boilerplateReason } from './boilerplate.js';

// Segmentation: paragraphs → sentences (offsets into the document text) → boilerplate → language.
// Language is decided per sentence and falls back to the document's language (declared, else dominant) for
// lines that say too little ("Kim Jong Un and Vladimir Putin", "Source: Biobiochile", "9.9 C").

export interface SegmentOptions {
  /** The document's title (HTML, JSONL); when absent a headline-like first paragraph is used. */
  title?: string | null;
  /** The document language if known (JSONL "lang"); otherwise the dominant language of the text. */
  docLang?: Lang | null;
  /** Ranges the HTML extractor found to be page furniture: a sentence inside one is boilerplate with its reason. */
  marks?: readonly Mark[];
}

export interface SegmentResult {
  segments: Segment[];
  lang: Lang;
  title: string | null;
}

const HEADLINE_MAX_CHARS = 200;

/** A paragraph that reads as a headline: one short line with no sentence-final period. */
function headline(text: string, p: Paragraph): string | null {
  const t = text.slice(p.start, p.end).trim();
  if (!t || /[\r\n]/.test(t)) return null;
  if (p.heading) return t.replace(/[ \t]+#+$/, '');
  if (t.length > HEADLINE_MAX_CHARS || /[.;,]$/.test(t) || !/^[\p{Lu}\p{N}"“‘']/u.test(t)) return null;
  return t;
}

/** The title of a plain text / Markdown document: its first real paragraph when that is a headline. */
function findTitle(text: string, paragraphs: Paragraph[]): string | null {
  for (const p of paragraphs.slice(0, 3)) {
    const t = text.slice(p.start, p.end).trim();
    if (boilerplateReason(t, { wholeParagraph: true })) continue;
    return headline(text, p);
  }
  return null;
}

export function segmentWithContext(text: string, opts: SegmentOptions = {}): SegmentResult {
  const paragraphs = splitParagraphs(text);
  const title = opts.title?.trim() || findTitle(text, paragraphs);
  const titleKey = title ? normalizeTitle(title) : null;
  const segments: Segment[] = [];
  const guessed: (Lang | null)[] = [];
  let titleSeen = false;
  let paragraph = 0;
  const marks = [...(opts.marks ?? [])].sort((a, b) => a.start - b.start);
  let m = 0;
  for (const p of paragraphs) {
    const ranges = splitSentences(text, p.start, p.end).filter((r) => /[\p{L}\p{N}]/u.test(text.slice(r.start, r.end)));
    if (ranges.length === 0) continue; // rules and decorations ("---", "* * *"): no text to keep
    const whole = ranges.length === 1;
    for (const r of ranges) {
      const s = text.slice(r.start, r.end);
      while (m < marks.length && marks[m]!.end <= r.start) m++;
      const mark = m < marks.length && marks[m]!.start <= r.start && r.end <= marks[m]!.end ? marks[m]!.reason : false;
      const reason = boilerplateReason(s, { title, titleSeen, wholeParagraph: whole }) || mark;
      if (whole && titleKey && !titleSeen && normalizeTitle(s) === titleKey) titleSeen = true;
      guessed.push(detectLang(s));
      segments.push({
        index: segments.length,
        start: r.start,
        end: r.end,
        text: s,
        paragraph,
        lang: 'en',
        boilerplate: reason,
      });
    }
    paragraph++;
  }
  const lang = opts.docLang ?? dominantLang(segments, guessed);
  segments.forEach((s, i) => (s.lang = guessed[i] ?? lang));
  return { segments, lang, title };
}

/** The language with the most characters of real (non-boilerplate) text; English when nothing tells. */
function dominantLang(segments: Segment[], guessed: (Lang | null)[]): Lang {
  const chars: Record<Lang, number> = { tl: 0, en: 0, other: 0 };
  segments.forEach((s, i) => {
    const g = guessed[i];
    if (g && !s.boilerplate) chars[g] += s.text.length;
  });
  if (chars.tl + chars.en + chars.other === 0) {
    segments.forEach((s, i) => {
      const g = guessed[i];
      if (g) chars[g] += s.text.length;
    });
  }
  const best = (Object.keys(chars) as Lang[]).reduce((a, b) => (chars[b] > chars[a] ? b : a), 'en' as Lang);
  return chars[best] > 0 ? best : 'en';
}

/** Sentences of a text with offsets into it. `docLang` is the fallback for lines too short to tell. */
export function segmentText(text: string, docLang?: Lang): Segment[] {
  return segmentWithContext(text, { docLang: docLang ?? null }).segments;
}

/** --presegmented input: each line is one sentence (line numbers 0-based), empty lines included. */
export function segmentLines(text: string, lang: Lang = 'en'): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    out.push({
      index: out.length,
      start: pos,
      end: pos + line.length,
      text: line,
      paragraph: out.length,
      lang: detectLang(line) ?? lang,
      boilerplate: false,
    });
    pos += raw.length + 1;
  }
  return out;
}

export function segmentDoc(doc: IngestedDoc): SegmentedDoc {
  const r = segmentWithContext(doc.text, {
    title: doc.title,
    docLang: normalizeLang(doc.declaredLang),
    marks: doc.marks ?? [],
  });
  return { ...doc, title: r.title, lang: r.lang, segments: r.segments };
}
