import type { Lang } from '../pipeline/types.js';
import type { NegationCue } from './negation.js';
import { enKey, loadLexicon } from './lexicon.js';
import { cognateKey, fold, isEnStopword, words } from './text-norm.js';
import { synsets, synsetAt, type Synset } from './wordnet/index.js';
import { resource, use } from '../core/resources.js';

// Litotes: Tagalog often says an English word of negative meaning as a particle before its opposite — "ended in
// failure" / "Hindi naging matagumpay" (not successful), "look dim" / "Hindi maliwanag" (not bright),
// "irreplaceable" / "hindi mapapalitan". Those pairs are faithful, and no word list can hold every opposite, so
// the opposites come from WordNet (antonyms and their satellites) through the shipped Tagalog–English lexicon.

// Tagalog words between a particle and its predicate: clitics, pronouns, markers, copulas and modals.
const TL_SKIP = new Set(
  `na pa naman nga ba raw daw rin din man lamang lang masyado gaano gaanong ganoon ganoong agad talaga talagang
  ako ka siya kami tayo kayo sila ko mo niya namin natin ninyo nila ito iyon iyan nito niyon niyan
  ang ng sa mga si ni kay sina nina ay naging nagiging magiging maging dapat puwede pwede maaari maaaring kaya
  kailangan kailangang gusto gustong nais ibig sana tuloy`
    .split(/\s+/)
    .filter(Boolean),
);
// English words between a particle and its predicate: auxiliaries, determiners, degree words, pronouns.
const EN_SKIP = new Set(
  `be am is are was were been being have has had do does did yet even ever always really very too so quite
  a an the to any longer more much only just at all i you he she it we they that this there one`
    .split(/\s+/)
    .filter(Boolean),
);
const CLAUSE_END = /[,;:.!?()"“”]/u;
const TL_PHRASE =
  /^(?:noong|nang|kapag|kung|para|dahil|at|o|pero|ngunit|subalit|habang|hanggang|mula|tungkol|kasi|upang|sapagkat|mas|lahat|kahit|matapos|pagkatapos|bago|makalipas|bilang)$/u;
const EN_PHRASE =
  /^(?:when|if|because|for|from|in|on|at|by|with|of|as|than|until|since|after|before|and|or|but|all|every)$/u;

/** The first content words after a cue, in its clause (at most `n`). */
function predicate(text: string, cue: NegationCue, lang: Lang, n = 1): string[] {
  const rest = text.slice(cue.end);
  const stop = rest.search(CLAUSE_END);
  const clause = stop < 0 ? rest : rest.slice(0, stop);
  const skip = lang === 'tl' ? TL_SKIP : EN_SKIP;
  const out: string[] = [];
  for (const w of words(clause).map(fold)) {
    if (out.length >= n) break;
    // A particle before a conjunction or preposition negates a phrase ("hindi noong Marso", "not when"): no one word.
    if ((lang === 'tl' ? TL_PHRASE : EN_PHRASE).test(w)) break;
    if (skip.has(w) || /^\d+$/.test(w)) continue;
    if (lang === 'en' && isEnStopword(w)) continue;
    if (lang === 'tl' && loadLexicon().isTlStopword(w)) continue;
    out.push(w);
  }
  return out;
}

/** Keys an English text's words can be met by: stems, forms and cognate keys. */
function enKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const w of words(text).map(fold)) {
    keys.add(enKey(w));
    keys.add(w);
    const c = cognateKey(w);
    if (c) keys.add('c:' + c);
  }
  return keys;
}

// depends on WordNet and the lexicon, so it lives with them in the Resources object
const ANTONYM_MEMO = resource('English antonyms through the lexicon (memo)', () => new Map<string, Set<string>>());

/**
 * English keys (enKey) of a word's opposites in WordNet: the antonyms of its senses, of the heads its satellite
 * senses hang on and of its derivational relatives (successful → success → failure), each with the satellites
 * of that antonym (bright → dull → dim).
 */
function antonymKeys(word: string): Set<string> {
  const hit = use(ANTONYM_MEMO).get(word);
  if (hit) return hit;
  const out = new Set<string>();
  const add = (s: Synset) => s.words.filter((w) => !w.includes('_')).forEach((w) => out.add(enKey(w)));
  for (const s of synsets(word)) {
    const near = [
      s,
      ...s.pointers.filter((p) => p.symbol === '&' || p.symbol === '+').map((p) => synsetAt(p.pos, p.offset)),
    ];
    for (const n of near)
      for (const p of n.pointers.filter((q) => q.symbol === '!')) {
        const a = synsetAt(p.pos, p.offset);
        add(a);
        for (const q of a.pointers) if (q.symbol === '&') add(synsetAt(q.pos, q.offset));
      }
  }
  use(ANTONYM_MEMO).set(word, out);
  return out;
}

// English negative prefixes: "irreplaceable" is "hindi mapapalitan" (not replaceable) with the particle as prefix.
const EN_NEG_PREFIX = /^(?:un|in|im|il|ir|dis|non|a)-?(\p{L}{4,})$/u;

/** A Tagalog word's English translations (enKey) scored at least `min`. */
const translations = (w: string, min: number) =>
  loadLexicon()
    .translate(w)
    .filter((t) => t.score >= min)
    .map((t) => t.en);
// An opposite is looked up only for a word's own confident entries: a base reached by stripping affixes
// (nagbabago → bago) brings the base's senses ("new"), whose opposites ("old", "early") are in many sentences.
const OWN_ENTRY = 0.8;
const ANY_ENTRY = 0.5;

/**
 * Whether a negation cue is litotes for a word on the other side: the word it negates means the opposite of a
 * word there ("Hindi naging matagumpay" / "ended in failure": matagumpay = successful, opposite failure; "not
 * happy" / "malungkot"), or the other side says it with a negative prefix ("hindi mapapalitan" / "irreplaceable").
 * Then the pair is faithful and the particle is that word's, not a clause negation.
 */
export function litotes(cue: NegationCue, text: string, lang: Lang, other: string): boolean {
  const pred = predicate(text, cue, lang);
  if (!pred.length) return false;
  if (lang === 'tl') {
    const en = enKeys(other);
    const prefixed = words(other)
      .map((w) => EN_NEG_PREFIX.exec(fold(w))?.[1])
      .filter((r): r is string => Boolean(r))
      .map(enKey);
    return pred.some((w) => {
      // The word itself said on the other side: the particle is no litotes ("huwag pumunta" / "come").
      if (translations(w, ANY_ENTRY).some((t) => en.has(t))) return false;
      return (
        translations(w, OWN_ENTRY).some((t) => [...antonymKeys(t)].some((a) => en.has(a))) ||
        translations(w, ANY_ENTRY)
          .map(enKey)
          .some((t) => t.length >= 4 && prefixed.some((r) => r.startsWith(t) || t.startsWith(r)))
      );
    });
  }
  // English "not X" beside a Tagalog antonym is left to the other checks: a Tagalog sentence's many words have
  // many translations, and matching their opposites cost recall on negations removed from the English.
  return false;
}
