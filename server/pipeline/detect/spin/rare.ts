import { formOf, inflect } from '../../../lang/wordnet/inflect.js';
import { lemmaSynsets, lookup, senseCount, type Pos } from '../../../lang/wordnet/index.js';
import { matchCase, type SpinFinding } from './finding.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './tokens.js';

// Sense-blind WordNet spinners (the open-source kind) put a random lemma of a random synset in a word's
// place, so spun text is full of lemmas that are never used in running text (no SemCor tag at all) while a
// synset-mate is common: "tiny" → "midget", "detection" → "sleuthing". Clean prose has such words too, so
// a word is only flagged in a text where they are dense — the document-level gate keeps clean text quiet.

export interface RareThresholds {
  /** a candidate's own SemCor count must be at most this */
  maxOwnCount: number;
  /** and a synset-mate's count at least this */
  minMateCount: number;
  /** candidates per 100 content words from which a text counts as spun */
  gateDensity: number;
  /** and at least this many candidates */
  gateMin: number;
}

interface Candidate {
  start: number;
  end: number;
  suggestion: string;
  mate: number;
}

function candidateFor(form: string, own: (l: string) => number, th: RareThresholds): { suggestion: string; mate: number } | null {
  const hits = lookup(form);
  if (hits.length === 0) return null;
  if (hits.some((h) => own(h.lemma) > th.maxOwnCount)) return null;
  let best: { lemma: string; pos: Pos; count: number; from: string } | null = null;
  for (const h of hits) {
    for (const s of lemmaSynsets(h.lemma, h.pos)) {
      for (const w of s.words) {
        if (w === h.lemma) continue;
        const c = senseCount(w); // the mate's use over all its senses: how common a word it is
        if (!best || c > best.count) best = { lemma: w, pos: h.pos, count: c, from: h.lemma };
      }
    }
  }
  if (!best || best.count < th.minMateCount) return null;
  // British and American spellings of one word (metre/meter, realise/realize) are not a swap
  if (spellingVariant(form, best.lemma)) return null;
  const f = formOf(form, best.from, best.pos) ?? 'base';
  return { suggestion: inflect(best.lemma, f, best.pos), mate: best.count };
}

function spellingVariant(a: string, b: string): boolean {
  const fold = (x: string): string => x.replace(/_/g, ' ').replace(/our/g, 'or').replace(/re\b/g, 'er').replace(/is(e|ing|ation)/g, 'iz$1').replace(/ll/g, 'l');
  return fold(a).slice(0, 4) === fold(b).slice(0, 4) && Math.abs(a.length - b.length) <= 2;
}

export function rareFindings(text: string, th: RareThresholds): SpinFinding[] {
  const toks = tokenize(text);
  const own = (l: string): number => senseCount(l);
  const cands: Candidate[] = [];
  let content = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (!t.word || !/^[A-Za-z]+$/.test(t.text) || t.text.length < 3) continue;
    const lower = t.text.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    content++;
    const prev = toks[i - 1];
    const sentenceStart = !prev || /[.!?"“:]/.test(prev.text);
    if (/^[A-Z]/.test(t.text) && !sentenceStart) continue; // names
    // a multiword lemma the spinner may have put in a single word's place ("rural areas" for "countries")
    const next = toks[i + 1];
    if (next && next.word && /^[a-z]+$/.test(next.text) && text.slice(t.end, next.start) === ' ') {
      const two = `${lower} ${next.text}`;
      const c = lookup(two).length ? candidateFor(two, own, th) : null;
      if (c) {
        cands.push({ start: t.start, end: next.end, ...c });
        i++;
        continue;
      }
    }
    const c = candidateFor(lower, own, th);
    if (c) cands.push({ start: t.start, end: t.end, ...c });
  }
  if (cands.length < th.gateMin || (cands.length * 100) / Math.max(1, content) < th.gateDensity) return [];
  return cands.map((c) => {
    const span = text.slice(c.start, c.end);
    return {
      start: c.start,
      end: c.end,
      text: span,
      kind: 'spin',
      suggestion: matchCase(span, c.suggestion),
      confidence: Math.min(0.8, 0.45 + 0.05 * Math.log2(1 + c.mate)),
      detector: 'spin-rare',
    };
  });
}
