import { formOf, inflect } from '../../../lang/wordnet/inflect.js';
import { lemmaSynsets, lookup } from '../../../lang/wordnet/index.js';
import { matchCase, type SpinFinding } from './finding.js';
import { frequencyRank } from './frequency.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './tokens.js';

// Sense-blind WordNet spinners (the open-source kind) put a random lemma of a random synset in a word's
// place, so spun text is full of rare words that have a common synset-mate: "tiny" → "midget",
// "detection" → "sleuthing". Clean prose has such words too, so a word is only flagged in a text where they
// are dense: the document-level gate keeps clean text quiet.

export interface RareThresholds {
  /** a candidate's frequency rank must be at least this (rarer) */
  minRank: number;
  /** and at least this many times its most common synset-mate's rank */
  minRatio: number;
  /** candidates per 100 content words from which a text counts as spun */
  gateDensity: number;
  /** and at least this many candidates */
  gateMin: number;
}

interface Candidate {
  start: number;
  end: number;
  suggestion: string;
  ratio: number;
}

/** British and American spellings of one word (metre/meter, realise/realize) are not a swap. */
function spellingVariant(a: string, b: string): boolean {
  const fold = (x: string): string => x.replace(/_/g, ' ').replace(/our/g, 'or').replace(/re\b/g, 'er').replace(/is(e|ing|ation)/g, 'iz$1').replace(/ll/g, 'l');
  return fold(a) === fold(b);
}

function candidateFor(form: string, th: RareThresholds): { suggestion: string; ratio: number } | null {
  const own = frequencyRank(form);
  if (own < th.minRank) return null;
  const hits = lookup(form);
  let best: { form: string; rank: number } | null = null;
  for (const h of hits) {
    const f = formOf(form, h.lemma, h.pos) ?? 'base';
    for (const s of lemmaSynsets(h.lemma, h.pos)) {
      for (const w of s.words) {
        if (w === h.lemma) continue;
        const inflected = inflect(w, f, h.pos);
        const rank = frequencyRank(inflected);
        if (!best || rank < best.rank) best = { form: inflected, rank };
      }
    }
  }
  if (!best || own / best.rank < th.minRatio || spellingVariant(form, best.form)) return null;
  return { suggestion: best.form, ratio: own / best.rank };
}

export function rareFindings(text: string, th: RareThresholds): SpinFinding[] {
  const toks = tokenize(text);
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
    const c = candidateFor(lower, th);
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
      confidence: Math.min(0.85, 0.5 + 0.05 * Math.log2(c.ratio)),
      detector: 'spin-rare',
    };
  });
}
