import { inflect, formOf } from '../../../lang/wordnet/inflect.js';
import { isLemma, lemmaSynsets, lookup, morphy, senseCount, synonyms } from '../../../lang/wordnet/index.js';
import { matchCase, type SpinFinding } from './finding.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize, type Token } from './tokens.js';

// Reconstruction: a spinner swaps one word of a fixed expression for a synonym of the wrong sense
// ("local time" → "native time"). For each adjacent pair that is not itself a WordNet collocation, try
// the synonyms of either word (or both): if that yields a WordNet multiword lemma with corpus evidence
// (SemCor-tagged), the pair is likely its spun form. WordNet's multiword lemmas are the collocation list.

export interface CollocationThresholds {
  /** minimum SemCor tag count of the reconstructed collocation */
  minTagCount: number;
}

function nounLemmas(word: string): string[] {
  const m = morphy(word, 'n');
  return m.length ? m : [];
}

function singles(word: string): string[] {
  return synonyms(word).filter((s) => !s.includes('_') && s !== word && /^[a-z]+$/.test(s));
}

function known(lemma: string, minTag: number): number {
  if (!isLemma(lemma, 'n')) return -1;
  const count = lemmaSynsets(lemma, 'n').reduce((n, s) => n + senseCount(lemma, s), 0);
  return count >= minTag ? count : -1;
}

export function collocationFindings(text: string, th: CollocationThresholds): SpinFinding[] {
  const toks = tokenize(text);
  const out: SpinFinding[] = [];
  for (let i = 0; i + 1 < toks.length; i++) {
    const ta = toks[i] as Token;
    const tb = toks[i + 1] as Token;
    if (!/^[a-z]+$/i.test(ta.text) || !/^[a-z]+$/.test(tb.text)) continue;
    if (/\S/.test(text.slice(ta.end, tb.start))) continue;
    const a = ta.text.toLowerCase();
    const b = tb.text;
    if (STOPWORDS.has(a) || STOPWORDS.has(b) || a.length < 3 || b.length < 3) continue;
    const bl = nounLemmas(b);
    if (bl.length === 0) continue;
    if (bl.some((l) => isLemma(`${a}_${l}`)) || lookup(`${a} ${b}`).length > 0) continue;
    let best: { lemma: string; count: number } | null = null;
    const consider = (lemma: string): void => {
      const c = known(lemma, th.minTagCount);
      if (c >= 0 && (!best || c > best.count)) best = { lemma, count: c };
    };
    const sa = singles(a);
    for (const l of bl) {
      for (const s of sa) consider(`${s}_${l}`);
      for (const s of singles(l)) consider(`${a}_${s}`);
    }
    if (!best) continue;
    const found = best as { lemma: string; count: number };
    const form = bl.map((l) => formOf(b, l, 'n')).find((f) => f) ?? 'base';
    const suggestion = inflect(found.lemma, form, 'n');
    const span = text.slice(ta.start, tb.end);
    out.push({
      start: ta.start,
      end: tb.end,
      text: span,
      kind: 'spin',
      suggestion: matchCase(span, suggestion),
      confidence: Math.min(0.9, 0.55 + 0.05 * Math.log2(1 + found.count)),
      detector: 'spin-collocation',
    });
  }
  return out;
}
