import { matchCase, type SpinFinding } from './finding.js';
import { matchLexicon, type LexMatch } from './lexicon.js';
import { tokenize } from './tokens.js';

// Without the original: spinner fingerprints and tortured phrases. Strong entries are flagged wherever they
// occur; weak entries (ordinary English too: "mentioned", "army") only in a text that already carries strong
// spin evidence, at a density no clean article reaches.

export interface LexiconThresholds {
  /** strong hits per 1,000 words from which weak entries are flagged as well */
  weakGateDensity: number;
  /** and at least this many strong hits in absolute terms */
  weakGateMin: number;
}

export function lexiconFindings(text: string, th: LexiconThresholds): SpinFinding[] {
  const matches = matchLexicon(text);
  const words = tokenize(text).filter((t) => t.word).length || 1;
  const strong = new Set(matches.filter((m) => m.entry.strength === 'strong').map((m) => m.start)).size;
  const gateOpen = strong >= th.weakGateMin && (strong * 1000) / words >= th.weakGateDensity;
  const out: SpinFinding[] = [];
  for (const m of matches) {
    if (m.entry.strength === 'weak' && !gateOpen) continue;
    out.push(toFinding(text, m, gateOpen));
  }
  return out;
}

function toFinding(text: string, m: LexMatch, gateOpen: boolean): SpinFinding {
  const span = text.slice(m.start, m.end);
  const e = m.entry;
  const base = e.list === 'tortured' ? 0.75 : e.strength === 'strong' ? 0.9 : 0.6;
  const len = e.tokens.filter((_, i) => !e.context[i]).length;
  return {
    start: m.start,
    end: m.end,
    text: span,
    kind: 'spin',
    suggestion: matchCase(span, e.original),
    // longer matches are more specific; weak ones count more in a text already shown to be spun
    confidence: Math.min(0.98, base + 0.02 * (len - 1) + (gateOpen && e.strength === 'weak' ? 0.05 : 0)),
    detector: e.list === 'tortured' ? 'spin-tortured' : 'spin-fingerprint',
  };
}
