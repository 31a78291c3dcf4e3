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

// The last word of many names says what the name is of ("Derby County", "FA Cup", "Manchester City"): in
// clean prose the word before it inside the name is capitalised too, so a lowercase word with synset-mates
// right before one ("bowler County", "prizefighter Cup") is a spun part of the name. On the tuning
// part of bench/spin-free.ts: 21 of 22 such words in proper-noun-spun texts were the spinner's, and one in the
// ~45,000 words of clean tuning text ("led Forest Hill police").
const NAME_HEADS = new Set(
  `County Cup City United Street River University Party Park Bay Island Airport Station Hospital League Council
  Ministry Bridge Road Avenue Lake Mountain Valley Square Hall Center Centre College School Institute Foundation
  Company Corporation Group Bank Club Stadium Museum Church Cathedral Palace Tower Castle Province State Republic
  Kingdom Islands Mountains Ocean Sea Gulf Strait Canal Desert Forest Coast Association Federation Union
  Organisation Organization Commission Committee Agency Department Office Court Force Army Navy Award Prize
  Festival Games Championship Series Open Trophy Times Post News Network`.split(/\s+/),
);

/** Whether the token at i is a name's head word ("County", "Cup") inside a sentence. */
function nameHeadAt(toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  const prev = toks[i - 1];
  return !!t && t.word && NAME_HEADS.has(t.text) && !!prev && !/[.!?"“:]/.test(prev.text);
}

export function nameFindings(text: string): SpinFinding[] {
  const { units, toks } = spinUnits(text);
  const names = namesOf(toks);
  const folded = new Set([...names.keys()].map(fold));
  const out: SpinFinding[] = [];
  for (const u of units) {
    const span = text.slice(u.start, u.end);
    // a capitalised unit is a name itself (or a sentence's first word, which a name swap leaves lowercase)
    if (/^\p{Lu}/u.test(span) || names.has(u.form)) continue;
    // where a name stood: next to another word of a name ("prizefighter van Gaal", "bowler County"); a
    // common word elsewhere that shares a synset with a name of the text is most often just that word
    const mate =
      names.size > 0 && (nextToName(toks, u.tok - 1, -1) || nextToName(toks, u.tok + u.words, 1))
        ? u.mates.find((m) => names.has(m.form) && fold(m.form) !== fold(u.form))
        : undefined;
    const at = { start: u.start, end: u.end, text: span, kind: 'spin' as const, detector: 'spin-names' };
    if (mate) out.push({ ...at, suggestion: names.get(mate.form) ?? mate.form, confidence: 0.8 });
    // before a name's head word: the name it stood for is not in the text, so no suggestion
    else if (!u.sentenceStart && u.mates.length > 0 && nameHeadAt(toks, u.tok + u.words) && !folded.has(fold(u.form)))
      out.push({ ...at, suggestion: null, confidence: 0.7 });
  }
  return out;
}
