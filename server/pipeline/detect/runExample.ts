import type { Finding, Lang, SegmentedDoc } from '../types.js';
import { segmentText } from '../segment/index.js';
import type { Detector, PairExample, StoryExample, TextExample } from './types.js';
import { detectPair } from './pair.js';
import { docFromLines } from './examples.js';
import { guessLang } from '../../lang/langGuess.js';
import { spinContextOf } from './spin/pass.js';

// Runs one detector on one of its own examples, through the same contexts an audit builds.

function textDoc(text: string, lang: Lang, boilerplate?: string): SegmentedDoc {
  const segments = segmentText(text, lang).map((s) => ({ ...s, boilerplate: boilerplate ?? s.boilerplate }));
  return {
    path: '(example)',
    url: null,
    title: null,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: null,
    text,
    lang,
    segments,
  };
}

export function runExample(d: Detector, ex: PairExample | TextExample | StoryExample): Finding[] {
  if (d.scope === 'pair') {
    const e = ex as PairExample;
    const srcLang = e.srcLang ?? 'en';
    const tgtLang = e.tgtLang ?? (srcLang === 'en' ? 'tl' : 'en');
    const src = docFromLines(e.src ? [e.src] : [], srcLang);
    const tgt = docFromLines(e.tgt ? [e.tgt] : [], tgtLang);
    const bead = { src: e.src ? [0] : [], tgt: e.tgt ? [0] : [], score: 1 };
    return detectPair(src, tgt, [bead], { detectors: [d], srcLang, tgtLang }).map((p) => p.finding);
  }
  if (d.scope === 'document') {
    const e = ex as TextExample;
    return d.run({ doc: textDoc(e.text, guessLang(e.text, 'en'), e.boilerplate), thresholds: d.thresholds });
  }
  if (d.scope === 'spin') {
    const e = ex as TextExample;
    const doc = textDoc(e.text, 'en');
    const original = e.original === undefined ? null : textDoc(e.original, 'en');
    return d.run(spinContextOf(d, doc, original));
  }
  const e = ex as StoryExample;
  const versions = e.versions.map((v, i) => ({
    doc: textDoc(v.text, v.lang ?? 'en'),
    role: v.role,
    documentId: i + 1,
  }));
  return d.run({ versions, pivot: 0, alignments: versions.map(() => null), thresholds: d.thresholds });
}
