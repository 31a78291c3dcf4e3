import { association, unigramCount } from './bigrams.js';
import { matchCase, type SpinFinding } from './finding.js';
import type { Token } from './tokens.js';
import { spinUnits } from './units.js';

// spin-pairs: in a text already shown to be spun, a word whose neighbours go far better with one of its
// WordNet synset-mates than with the word itself, by web-scale pair counts (bigrams.ts): "native time"
// (local), "supreme chief" (leader), "press convention" (conference). The thesaurus spinners' swaps are
// common words the rarity and vector evidence miss; the pair counts see the broken collocation. Asked only
// of evidently spun text: clean prose has such pairs too ("gained" where "made" is the commoner pair).

export interface PairThresholds {
  /** how much better (in PMI, natural log) the best mate goes with the neighbours than the word */
  minGain: number;
}

function neighbour(toks: readonly Token[], i: number): string | null {
  const t = toks[i];
  return t && t.word && /^[a-z']+$/i.test(t.text) ? t.text.toLowerCase() : null;
}

export function pairFindings(text: string, th: PairThresholds): SpinFinding[] {
  const { units, toks } = spinUnits(text);
  const out: SpinFinding[] = [];
  for (const u of units) {
    if (u.words !== 1 || u.mates.length === 0 || unigramCount(u.form) === 0) continue;
    const left = neighbour(toks, u.tok - 1);
    const right = neighbour(toks, u.tok + 1);
    if (left === null && right === null) continue;
    const own = association(u.form, left, right);
    let best: { form: string; gain: number } | null = null;
    for (const m of u.mates) {
      // a mate the counts do not know, or a phrase, has no pair counts to compare
      if (m.form.includes(' ') || unigramCount(m.form) === 0) continue;
      const gain = association(m.form, left, right) - own;
      if (!best || gain > best.gain) best = { form: m.form, gain };
    }
    if (!best || best.gain < th.minGain) continue;
    const span = text.slice(u.start, u.end);
    out.push({
      start: u.start,
      end: u.end,
      text: span,
      kind: 'spin',
      suggestion: matchCase(span, best.form),
      confidence: Math.min(0.6, 0.3 + 0.03 * best.gain),
      detector: 'spin-pairs',
    });
  }
  return out;
}
