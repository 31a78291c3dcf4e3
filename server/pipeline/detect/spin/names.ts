import type { SpinFinding } from './finding.js';
import { frequencyRank } from '../../../lang/word-ranks.js';
import { spinUnits } from './units.js';
import type { Token } from './tokens.js';

// Names turned into common nouns: a sense-blind spinner looks a capitalised word up like any other and
// writes a synset-mate of one of its senses, lowercase ("Derby" → "bowler", "Louis" → "prizefighter").
// Names recur in an article, and the spinner spares some of their occurrences: a lowercase word whose
// WordNet synset-mate is a name written elsewhere in the same text is most likely that name, spun.

const COMMON_WORD_RANK = 3000;

/** Capitalised words inside sentences (not the first word): the text's names, lowercased → as written. */
function namesOf(toks: readonly Token[]): Map<string, string> {
  const out = new Map<string, string>();
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
    if (!t.word || !/^\p{Lu}\p{Ll}+$/u.test(t.text) || !prev || /[.!?"“:]/.test(prev.text)) return;
    // "New" (York), "Earth": a name that is also one of the commonest words says nothing of a lowercase mate
    if (frequencyRank(t.text) <= COMMON_WORD_RANK) return;
    out.set(t.text.toLowerCase(), t.text);
  });
  return out;
}

/** Whether the word at i (skipping one lowercase particle such as "van", "de" in direction dir) is a capitalised word inside a sentence. */
function nextToName(toks: readonly Token[], i: number, dir: 1 | -1): boolean {
  let t = toks[i];
  if (t && t.word && PARTICLES.has(t.text)) t = toks[i + dir];
  const prev = t ? toks[toks.indexOf(t) - 1] : undefined;
  return !!t && t.word && /^\p{Lu}/u.test(t.text) && !!prev && !/[.!?"“:]/.test(prev.text);
}
/** civilisation / civilization, colour / color: one word in two spellings */
const fold = (w: string): string => w.replace(/is(e|ing|ation)/g, 'iz$1').replace(/our/g, 'or');
const PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'der', 'di', 'la', 'le', 'bin', 'al']);

export function nameFindings(text: string): SpinFinding[] {
  const { units, toks } = spinUnits(text);
  const names = namesOf(toks);
  if (names.size === 0) return [];
  const out: SpinFinding[] = [];
  for (const u of units) {
    // a capitalised unit is a name itself (or a sentence's first word, which a name swap leaves lowercase)
    if (/^\p{Lu}/u.test(text.slice(u.start, u.end)) || names.has(u.form)) continue;
    // where a name stood: next to another word of a name ("prizefighter van Gaal", "bowler County"); a
    // common word elsewhere that shares a synset with a name of the text is most often just that word
    if (!nextToName(toks, u.tok - 1, -1) && !nextToName(toks, u.tok + u.words, 1)) continue;
    const mate = u.mates.find((m) => names.has(m.form) && fold(m.form) !== fold(u.form));
    if (!mate) continue;
    out.push({
      start: u.start,
      end: u.end,
      text: text.slice(u.start, u.end),
      kind: 'spin',
      suggestion: names.get(mate.form) ?? mate.form,
      confidence: 0.8,
      detector: 'spin-names',
    });
  }
  return out;
}
