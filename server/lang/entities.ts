import { distance } from 'fastest-levenshtein';
import type { Lang } from '../pipeline/types.js';
import { plainWord } from './numberWords.js';
import { readFileSync } from 'node:fs';
import { enKey, loadLexicon } from './lexicon.js';
import { isEnStopword } from './text-norm.js';
import { Memo, MemoFamily } from '../memo.js';
import { resource, use, type Resources } from '../core/resources.js';
import { prebuilt } from './prebuilt.js';
import { readLexiconGlosses, writeLexiconGlosses, type LexiconGlosses } from './lexicon-glosses-file.js';
import { isCommonEnglishWord } from './wordnet/common-word.js';

// Named entities by surface cues (capitalised runs, acronyms), and a cross-language "is this name in that text?"
// that copes with Tagalog respellings (Rusya ~ Russia, Tsina ~ China, Hapon ~ Japan), hyphenation
// (Kim Jong-un ~ Kim Jong Un), the person markers si/ni/kay, and a short list of names Tagalog translates.

export interface Entity {
  text: string;
  start: number;
  end: number;
  /** Significant tokens, folded and split at hyphens ("Jong-un" → jong, un). */
  tokens: string[];
}

const TOKEN = /[\p{L}\p{M}\d]+(?:[-'’.][\p{L}\p{M}\d]+)*\.?/gu;

// Capitalised words that are not names: articles/markers at a run's edge, titles, pronouns, calendar words.
const NOT_NAMES = new Set(
  (
    'the a an and of in on at to for by with from this that these those it its he she they we i you his her their our my ' +
    "but or if as so when while after before during since because although however also then there here what who which i'll i'm i've i'd " +
    'ang ng sa mga si ni kay sina nina kina ay at na nang noong ayon para upang dahil kung ito iyon siya sila kami tayo ' +
    'mr mrs ms dr prof sir madam president pres vice prime minister secretary chairman chair general gen governor mayor senator sen rep ' +
    'king queen prince princess pope saint st lord sheikh rev ' +
    'pangulo presidente kalihim ministro heneral gobernador alkalde senador kinatawan hari reyna g gng bb dok ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre ' +
    'lunes martes miyerkules huwebes biyernes sabado linggo ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ene peb abr hun hul ago set okt nob dis'
  ).split(' '),
);

// Names Tagalog writes differently enough that spelling rules do not meet them.
const EN_TL_NAMES: [string, string][] = [
  ['spain', 'espanya'],
  ['germany', 'alemanya'],
  ['netherlands', 'olanda'],
  ['greece', 'gresya'],
  ['egypt', 'ehipto'],
  ['britain', 'britanya'],
  ['england', 'inglatera'],
  ['switzerland', 'suwisa'],
  ['sweden', 'suwesya'],
  ['mexico', 'mehiko'],
  ['united', 'estados'],
  ['states', 'unidos'],
  ['america', 'amerika'],
  ['europe', 'europa'],
  ['christmas', 'pasko'],
  ['easter', 'pagkabuhay'],
  ['god', 'diyos'],
  ['jesus', 'hesus'],
  ['christ', 'kristo'],
  ['earth', 'daigdig'],
  ['moon', 'buwan'],
  ['sun', 'araw'],
  ['english', 'ingles'],
  ['spanish', 'espanyol'],
  ['chinese', 'tsino'],
  ['japanese', 'hapones'],
  ['french', 'pranses'],
  ['german', 'alemanya'],
  ['us', 'estados'],
  ['uk', 'britanya'],
  ['egyptian', 'ehipsyo'],
  ['roman', 'roma'],
  ['korea', 'korea'],
  ['north', 'hilagang'],
  ['south', 'timog'],
  ['east', 'silangan'],
  ['west', 'kanluran'],
  // Exonyms and demonyms: a country's adjective names the country ("French schools" / "paaralan ng France").
  ['egypt', 'egipto'],
  ['us', 'united'],
  ['us', 'america'],
  ['us', 'amerika'],
  ['usa', 'estados'],
  ['america', 'estados'],
  ['philippines', 'pilipinas'],
  ['filipino', 'pilipino'],
  ['filipino', 'pilipinas'],
  ['philippine', 'pilipinas'],
  ['french', 'france'],
  ['french', 'pransya'],
  ['france', 'pransya'],
  ['scottish', 'eskoses'],
  ['scottish', 'scotland'],
  ['scotland', 'eskosya'],
  ['dutch', 'netherlands'],
  ['dutch', 'olandes'],
  ['british', 'britain'],
  ['british', 'britanya'],
  ['british', 'britaniko'],
  ['american', 'america'],
  ['american', 'amerikano'],
  ['spanish', 'spain'],
  ['spanish', 'kastila'],
  ['chinese', 'china'],
  ['china', 'tsina'],
  ['japanese', 'japan'],
  ['japan', 'hapon'],
  ['korean', 'koreano'],
  ['russian', 'russia'],
  ['russian', 'ruso'],
  ['russia', 'rusya'],
  ['german', 'germany'],
  ['italian', 'italya'],
  ['italy', 'italya'],
  ['swiss', 'suwisa'],
  ['european', 'europe'],
  ['european', 'europeo'],
  ['arab', 'arabo'],
  ['emirates', 'emirado'],
  ['emirates', 'emiradong'],
  ['vatican', 'batikano'],
  ['pope', 'papa'],
  ['japanese', 'hapon'],
  ['germany', 'aleman'],
  ['german', 'aleman'],
  // Demonyms the suffix rule (variants) cannot cut back to their country.
  ['irish', 'ireland'],
  ['irish', 'irlanda'],
  ['danish', 'denmark'],
  ['danish', 'dinamarka'],
  ['norwegian', 'norway'],
  ['norwegian', 'noruwega'],
  ['swedish', 'sweden'],
  ['finnish', 'finland'],
  ['polish', 'poland'],
  ['polish', 'polonya'],
  ['turkish', 'turkey'],
  ['turkish', 'turkiya'],
  ['greek', 'greece'],
  ['greek', 'griyego'],
  ['welsh', 'wales'],
  ['thai', 'thailand'],
  ['portuguese', 'portugal'],
  ['swiss', 'switzerland'],
  ['belgian', 'belgium'],
  ['dutch', 'holland'],
  ['icelandic', 'iceland'],
  ['israeli', 'israel'],
  ['peruvian', 'peru'],
  ['argentine', 'argentina'],
  ['filipino', 'philippines'],
];
const ALIAS = new Map<string, string[]>();
/** Every word of the exonym table (country names and demonyms are names, however common they look). */
export const ALIAS_WORDS = new Set(EN_TL_NAMES.flat());
const alias = (a: string, b: string) => ALIAS.set(a, [...(ALIAS.get(a) ?? []), b]);
for (const [en, tl] of EN_TL_NAMES) {
  alias(en, tl);
  alias(tl, en);
}

/**
 * Every English word the lexicon uses as a gloss (an English word in it is a common word, not a name), and the
 * lexicon pairs where the Tagalog is a respelling of the English (tsina/china, europa/europe, rusya/russia):
 * names, or loanwords that are names when capitalised mid-sentence. Prebuilt (lexicon-glosses-file.ts).
 */
const GLOSSES = resource('lexicon glosses and respellings', (res): LexiconGlosses => {
  const store = prebuilt(res);
  const file = store.path('lexicon-glosses.txt');
  return readLexiconGlosses(file, store.version) ?? writeLexiconGlosses(file, store.version, glossesOf(res));
});
function glossesOf(res: Resources): LexiconGlosses {
  const glossSet = new Set<string>();
  const transliterated = new Set<string>();
  for (const line of readFileSync(res.dataPath('lexicon', 'tl-en.tsv'), 'utf8').split('\n').slice(1)) {
    const [tl, en, score] = line.split('\t');
    if (!en || en.includes(' ')) continue;
    glossSet.add(en);
    if (tl && tl.length >= 4 && en.length >= 4 && Number(score) >= 0.5 && keysMatch(nameKey(tl), nameKey(en))) {
      transliterated.add('tl:' + tl);
      transliterated.add('en:' + en);
    }
  }
  return { glossSet, transliterated };
}
const englishGlosses = (): Set<string> => use(GLOSSES).glossSet;

/**
 * A word that is a known name however common it looks: the lexicon pairs it with its own respelling in the
 * other language (Tsina/China, Europa/Europe).
 */
export function isKnownName(w: string, lang: Lang): boolean {
  const f = plainWord(w).replace(/['’]s$/, '');
  return use(GLOSSES).transliterated.has(`${lang === 'tl' ? 'tl' : 'en'}:${f}`);
}

/** The name at `start` follows a Tagalog person marker (si, ni, kay, sina, nina, kina): it names a person. */
export function afterPersonMarker(text: string, start: number): boolean {
  return /(?:^|[^\p{L}])(?:si|ni|kay|sina|nina|kina)\s+$/iu.test(text.slice(Math.max(0, start - 8), start));
}

// Tagalog words are built of CV(C) syllables: no c, f, j, q, v, x, z, no consonant cluster at the start of a word
// and never three consonants in a row (ng counts as one). A word that breaks this is a foreign name (Amsterdam).
export function looksForeign(name: string): boolean {
  return name.split(/[\s-]+/).some((w) => {
    const x = w.toLowerCase().replace(/ng/g, 'N');
    return /[cfjqvxz]/.test(x) || /^[^aeiou\W\d]{2}/u.test(x) || /[^aeiou\W\d]{3}/u.test(x);
  });
}

/** An English word the lexicon glosses (in a Tagalog text: a word left in English, as names often are). */
export function isEnglishWord(w: string): boolean {
  const f = plainWord(w);
  return englishGlosses().has(f) || englishGlosses().has(enKey(f));
}

/** A word the lexicon knows as a common word of its language (so a capital may be only sentence case). */
export function isCommonWord(w: string, lang: Lang): boolean {
  const f = plainWord(w);
  if (NOT_NAMES.has(f) || misspeltMonth(f)) return true;
  // A Tagalog word whose only "translation" is itself (Armenia → armenia) is a name the dictionary lists.
  if (lang === 'tl')
    return (
      loadLexicon()
        .translate(f)
        .some((t) => t.en !== f) || loadLexicon().isTlStopword(f)
    );
  return isEnStopword(f) || englishGlosses().has(enKey(f)) || englishGlosses().has(f);
}

// A month name with a typo in the source ("Novemeber 26, 2008") is still a date, not a missing name.
const MONTHS =
  'january february september october november december pebrero setyembre septiyembre oktubre nobyembre disyembre'.split(
    ' ',
  );
function misspeltMonth(f: string): boolean {
  return (
    f.length >= 7 && MONTHS.some((m) => Math.abs(m.length - f.length) <= 2 && m[0] === f[0] && distance(m, f) <= 2)
  );
}

const isUpper = (w: string): boolean => /^\p{Lu}/u.test(w);
const sentenceStartBefore = (text: string, i: number): boolean => {
  // "G. Costello", "Mr. Rudd", "Dr. Ruiz": the period of a title or an initial does not end a sentence.
  if (/(?:^|[\s(])(?:\p{Lu}|mr|mrs|ms|dr|prof|gng|bb|sen|rep|gen|st)\.\s+$/iu.test(text.slice(Math.max(0, i - 7), i)))
    return false;
  const before = text.slice(Math.max(0, i - 4), i).trimEnd();
  // A list item's number or letter ("(2) Extension of …", "b) Collecting …") opens a sentence as well.
  return (
    before === '' ||
    /[.!?:;"“”‘'(–—•]$/u.test(before) ||
    /(?:^|\s)-$/.test(before) ||
    /^\(?(?:\d{1,2}|[a-z])\)$/u.test(before.slice(-4).trim().split(/\s/).pop() ?? '')
  );
};

export function foldTokens(s: string): string[] {
  return plainWord(s)
    .split(/[-\s.'’]+/)
    .filter((t) => t.length > 0);
}

/**
 * Capitalised runs and acronyms that look like names. A single capitalised word at a sentence start is left
 * out: in Tagalog it is usually an inflected verb the lexicon cannot know ("Pinaniniwalaang", "Kinumpleto").
 */
export function extractEntities(text: string, lang: Lang): Entity[] {
  return use(ENTITY_LISTS_MEMO)
    .get(`${lang}\u0000${text}`, () => extractEntitiesOf(text, lang))
    .slice();
}

// keyed by language and text: English reads a sentence-initial unknown word as a name, Tagalog does not
const ENTITY_LISTS_MEMO = resource('names of a text (memo)', () => new Memo<string, Entity[]>(50_000));

// WordNet lists open-class words only: English conjunctions, prepositions and pronouns come from this list
// ("Whether that is accurate …" opened a sentence of the NTREX reporting half and was read as a name).
const EN_CLOSED_CLASS = new Set(
  `whether although though unless whereas whilst because until upon despite during towards toward among amongst
  onto into besides beside via versus than unto whoever whatever whichever wherever whenever either neither nor
  each every several nobody someone anyone everyone nothing something anything everything yours ours theirs
  hers mine whom whose these those such shall might must would could should`
    .split(/\s+/)
    .filter(Boolean),
);

// In English a sentence-initial word is a name when it is no English word at all ("Nigeria previously
// announced", "Costello said"): English has no inflected verbs that a lexicon misses the way Tagalog does.
const englishInitialName = (w: string) => {
  // (Not a contraction, "You'll", nor an adverb or participle a dictionary may miss, "Occupationally".)
  if (/['’](?!s$)|(?:ly|ed|ing)$/u.test(w)) return false;
  const f = plainWord(w).replace(/['’]s$/u, '');
  return (
    f.length > 3 &&
    !EN_CLOSED_CLASS.has(f) &&
    !isEnStopword(f) &&
    !isCommonEnglishWord(f) &&
    !isEnglishWord(f) &&
    !NOT_NAMES.has(f)
  );
};

function extractEntitiesOf(text: string, lang: Lang): Entity[] {
  // "taga-Texas", "pang-Amerika": a lower-case Tagalog prefix hyphened to a name (same length, offsets kept).
  const scan = text.replace(/(\p{Ll})-(?=\p{Lu})/gu, '$1 ');
  const toks = [...scan.matchAll(TOKEN)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
  const out: Entity[] = [];
  let i = 0;
  while (i < toks.length) {
    if (
      !isUpper(toks[i]!.w) ||
      NOT_NAMES.has(plainWord(toks[i]!.w).replace(/\.$/, '')) ||
      misspeltMonth(plainWord(toks[i]!.w))
    ) {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < toks.length &&
      isUpper(toks[j + 1]!.w) &&
      !/['’]s$/u.test(toks[j]!.w) &&
      /^[ -]$/.test(text.slice(toks[j]!.end, toks[j + 1]!.start)) &&
      !NOT_NAMES.has(plainWord(toks[j + 1]!.w).replace(/\.$/, ''))
    )
      j++;
    const first = toks[i]!;
    const last = toks[j]!;
    const initial = sentenceStartBefore(text, first.start);
    const acronym = /^(?:\p{Lu}{2,5}s?|(?:\p{Lu}\.){2,})$/u.test(first.w.replace(/\.$/, '.'));
    const run = toks.slice(i, j + 1).map((t) => t.w);
    const shouting =
      /^\p{Lu}{6,}$/u.test(first.w) ||
      (run.length > 1 && run.every((w) => /^\p{Lu}+$/u.test(w))) ||
      /Ã|Â|â€/.test(text.slice(first.start, last.end + 1));
    if (shouting) {
      i = j + 1;
      continue;
    }
    if (!initial || j > i || acronym || (lang === 'en' && englishInitialName(first.w))) {
      const raw = text.slice(first.start, last.end).replace(/\.$/, '');
      const tokens = foldTokens(raw).filter((t) => !NOT_NAMES.has(t) && (t.length > 1 || acronym));
      if (tokens.length) out.push({ text: raw, start: first.start, end: first.start + raw.length, tokens });
    }
    i = j + 1;
  }
  return out;
}

/** A spelling key that Tagalog respellings of names share with their source (Rusya/Russia → rusi). */
export function nameKey(t: string): string {
  return nameKeys.get(t, nameKeyOf);
}

const nameKeys = new Memo<string, string>(200_000);

/**
 * The spelling rules in one pass over the word, in the order they apply: ph → f, f → p, ch → ts; c before
 * e/i/y → s, qu → k, other c and q → k, x → ks, j → h, y → i, z → s, v → b; then doubled letters once and no
 * final vowels. (It was thirteen regular-expression replacements in turn: a batch keys every word of every
 * sentence pair, and this was most of the name index's cost.)
 */
function nameKeyOf(t: string): string {
  let s = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    const next = t[i + 1];
    if (c === 'p' && next === 'h') {
      s += 'p';
      i++;
    } else if (c === 'f') s += 'p';
    else if (c === 'c' && next === 'h') {
      s += 'ts';
      i++;
    } else s += c;
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1];
    if (c === 'c') out += next === 'e' || next === 'i' || next === 'y' ? 's' : 'k';
    else if (c === 'q') {
      out += 'k';
      if (next === 'u') i++;
    } else out += RESPELL.get(c) ?? c;
  }
  // runs of one character (any but a line break, as the pattern (.)\1+ read) once
  let key = '';
  for (let i = 0; i < out.length; i++) {
    const code = out.charCodeAt(i);
    if (i > 0 && code === out.charCodeAt(i - 1) && !LINE_BREAKS.has(code)) continue;
    key += out[i];
  }
  let end = key.length;
  while (end > 0 && VOWELS.has(key[end - 1]!)) end--;
  return key.slice(0, end);
}

const RESPELL = new Map([
  ['x', 'ks'],
  ['j', 'h'],
  ['y', 'i'],
  ['z', 's'],
  ['v', 'b'],
]);
const LINE_BREAKS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function keysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 4) return false;
  let p = 0;
  while (p < n && a[p] === b[p]) p++;
  // a shared start is a respelling only when the lengths are close (France is not Francisco)
  if ((p >= 5 && Math.abs(a.length - b.length) <= 2) || (p === n && n >= 4 && Math.abs(a.length - b.length) <= 2))
    return true;
  return distance(a, b) <= (n >= 6 ? 2 : 1);
}

/**
 * The folded words, name keys and lexicon glosses of a text, for repeated look-ups. Only the words are made
 * at once: most look-ups end there (a name written the same on both sides), so the glosses, keys, initials
 * and lower-case common keys are made on first use. The words come in two parts, the text's own words and the
 * pairs joined for names written with or without their space (a1gp): the pairs are about half the words and
 * almost never what a look-up meets, so their glosses and keys are made only when the own words' fail (a
 * look-up asks whether any word answers, which the order does not change).
 */
export class NameIndex {
  private readonly glossSets: (Set<string> | undefined)[] = [];
  private readonly keyLists: (string[] | undefined)[] = [];
  private initialsMade: Set<string> | undefined;
  private commonKeysMade: Set<string> | undefined;

  constructor(
    readonly lang: Lang,
    /** every word: the union of the parts */
    readonly words: Set<string>,
    private readonly parts: readonly Set<string>[],
    private readonly text: string,
  ) {}

  /** Initials of its capitalised runs ("United States" → us), to meet acronyms on the other side. */
  get initials(): Set<string> {
    return (this.initialsMade ??= initialsOf(this.text));
  }

  /** Name keys of the Tagalog common words it writes in lower case mid-sentence ("marami"): a name of the other
   * side that only such a word resembles ("Marawi") was turned into that word, not kept. */
  get commonKeys(): Set<string> {
    return (this.commonKeysMade ??= this.lang === 'tl' ? lowerCommonKeys(this.text) : new Set());
  }

  /** An English key the text stands for: its own words (English) or their lexicon translations (Tagalog). */
  hasGloss(g: string): boolean {
    for (let p = 0; p < this.parts.length; p++) if (this.glossesOf(p).has(g)) return true;
    return false;
  }

  /** As hasGloss, through dictionary glosses only (score 0.5 and up; see missingTokens). */
  hasDictionaryGloss(g: string): boolean {
    if (this.lang !== 'tl') return this.hasGloss(g);
    const lex = loadLexicon();
    for (const part of this.parts)
      for (const w of part) if (lex.translate(w).some((t) => t.en === g && t.score >= 0.5)) return true;
    return false;
  }

  /** Does one of its name keys pass `test`? */
  someKey(test: (key: string) => boolean): boolean {
    for (let p = 0; p < this.parts.length; p++) if (this.keysOf(p).some(test)) return true;
    return false;
  }

  /** All its glosses (what hasGloss looks in). */
  get glosses(): Set<string> {
    return new Set(this.parts.flatMap((_, p) => [...this.glossesOf(p)]));
  }

  /** All its name keys (what someKey looks in). */
  get keys(): string[] {
    return this.parts.flatMap((_, p) => this.keysOf(p));
  }

  private glossesOf(p: number): Set<string> {
    let out = this.glossSets[p];
    if (out) return out;
    out = new Set();
    if (this.lang === 'en') for (const w of this.parts[p]!) out.add(enKey(w));
    if (this.lang === 'tl') {
      const lex = loadLexicon();
      for (const w of this.parts[p]!) for (const t of lex.translate(w)) out.add(t.en);
    }
    return (this.glossSets[p] = out);
  }

  private keysOf(p: number): string[] {
    // Demonyms meet their place (Judean ~ Judea) from either side.
    return (this.keyLists[p] ??= [...this.parts[p]!]
      .filter((w) => w.length >= 3)
      .flatMap((w) => variants(w).map(nameKey)));
  }
}

// The entity detector and the similarity scores both index the same sentences: once per text (read-only).
const INDEXES_MEMO = resource('name indexes of a text (memo)', () => new MemoFamily<string, NameIndex>(50_000));
export function nameIndex(text: string, lang: Lang): NameIndex {
  return use(INDEXES_MEMO)
    .table(lang)
    .get(text, () => nameIndexOf(text, lang));
}

/**
 * UTF-8 read as Windows-1252 ("BarÃ§a", "MÃ¼slÃ¼m"), common in scraped and crowd-sourced text: the two
 * characters of each mangled letter are put back together so the name meets its clean spelling.
 */
export function repairMojibake(text: string): string {
  if (!/[ÃÂ]/.test(text)) return text;
  return text.replace(/[ÃÂ][\u0080-\u00BF]/g, (m) => Buffer.from(m, 'latin1').toString('utf8'));
}

const PARTICLES = new Set(['of', 'and', 'the', 'for', 'ng', 'sa', 'at', 'de', 'del', 'la', 'na', 'mga']);
function initialsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.matchAll(
    /\p{Lu}[\p{L}\p{M}]+(?:\s+(?:(?:of|and|the|for|ng|sa|at|de|del|la|na|mga)\s+)*\p{Lu}[\p{L}\p{M}]+)+/gu,
  )) {
    const ws = run[0].split(/\s+/).filter((w) => !PARTICLES.has(w.toLowerCase()));
    // every contiguous stretch of two or more words ("the United States Congress" → us, usc, sc)
    for (let a = 0; a < ws.length; a++)
      for (let b = a + 2; b <= ws.length; b++)
        out.add(
          ws
            .slice(a, b)
            .map((w) => plainWord(w[0]!))
            .join(''),
        );
  }
  return out;
}

function lowerCommonKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L},;]\s+)\p{Ll}[\p{L}\p{M}]{3,}/gu)) {
    const w = plainWord(m[0]);
    if (isCommonWord(w, 'tl')) out.add(nameKey(w));
  }
  return out;
}

function nameIndexOf(text0: string, lang: Lang): NameIndex {
  const text = repairMojibake(text0);
  const tokens = foldTokens(text.replace(/[^\p{L}\p{M}\d\s'’-]/gu, ' '));
  const own = new Set(tokens);
  // The Tagalog linker bound to a name ("Hapong alamat", "Amerikang sundalo"): the name without it, too.
  const linkerForms = (ws: Iterable<string>, into: Set<string>, not?: Set<string>): void => {
    if (lang !== 'tl') return;
    for (const w of ws)
      if (w.length >= 5 && w.endsWith('ng'))
        for (const b of [w.slice(0, -1), w.slice(0, -2)]) if (!not?.has(b)) into.add(b);
  };
  linkerForms([...own], own);
  // "A1 GP" / "A1GP", "KV 62" / "KV62": a name written with or without its space.
  const joined = new Set<string>();
  for (let k = 0; k + 1 < tokens.length; k++)
    if (tokens[k]!.length <= 4 || tokens[k + 1]!.length <= 4) {
      const w = tokens[k]! + tokens[k + 1]!;
      if (!own.has(w)) joined.add(w);
    }
  linkerForms([...joined], joined, own);
  return new NameIndex(lang, new Set([...own, ...joined]), [own, joined], text);
}

// Plural acronyms ("GPs") and English demonyms ("Iranian", "Chinese") meet their base ("GP", "Iran", "Tsina").
export function variants(t: string): string[] {
  const out = [t];
  if (/^[a-z]{2,5}s$/.test(t)) out.push(t.slice(0, -1));
  // plural demonyms too: "the Assyrians" / "taga-Assyria", "Ephesians" / "Efeso"
  const demonym = /^(.{3,}?)(?:ian|ese|an|ish|i)s?$/.exec(t);
  if (demonym) out.push(demonym[1]!);
  return out;
}

/**
 * Is one significant token of `e` (written in `eLang`) present in `idx`: exactly, respelt (Rusya ~ Russia),
 * as a known Tagalog/English name, or as a lexicon translation (a capitalised common noun: "Earth" ~ "Mundo")?
 */
export function entityIn(e: Entity, idx: NameIndex, eLang: Lang = 'other'): boolean {
  // A multi-word name partly translated ("Icelandic Meteorological Office" / "Tanggapang Meteorolohikal ng
  // Iceland") is still there; it is missing when most of its words are.
  // Particles of names ("La Leona", "de", "al") do not vouch for the rest of the name.
  // Roman numerals ("Phase III") say nothing about which name they number.
  const long = e.tokens.filter((t) => t.length >= 3 && !/^[ivxl]+$/.test(t));
  const counted = long.length ? long : e.tokens;
  const missing = missingTokens(e, idx, eLang).filter((t) => counted.includes(t));
  return missing.length * 2 <= Math.max(counted.length, 1) && (counted.length > 1 || missing.length === 0);
}

/** The significant tokens of `e` that `idx` does not account for (see entityIn). */
export function missingTokens(e: Entity, idx: NameIndex, eLang: Lang = 'other'): string[] {
  const lex = eLang === 'tl' && idx.lang === 'en' ? loadLexicon() : null;
  return e.tokens.filter(
    (tok) =>
      tok.length >= 2 &&
      // a Tagalog name word may carry the linker ("Hapong alamat"): its bare form counts too
      ![
        ...variants(tok),
        ...(eLang === 'tl' && tok.length >= 5 && tok.endsWith('ng') ? [tok.slice(0, -1), tok.slice(0, -2)] : []),
      ].some((t) => {
        if (idx.words.has(t)) return true;
        if (ALIAS.get(t)?.some((a) => idx.words.has(a))) return true;
        // An acronym spelled out on the other side (US / United States, NBA / National Basketball Association).
        if (/^[a-z]{2,6}$/.test(t) && idx.initials.has(t)) return true;
        // (An English name the lexicon does not know as a word, "Nigeria", is met only through a dictionary gloss.)
        if (
          eLang === 'en' &&
          idx.lang === 'tl' &&
          (isEnglishWord(t) ? idx.hasGloss(enKey(t)) : idx.hasDictionaryGloss(enKey(t)))
        )
          return true;
        // A foreign or English name word kept in a Tagalog text is a name, not a word to translate: only a
        // dictionary gloss (0.5 and up) vouches for it. The entries learned by co-occurrence score 0.2–0.4 and
        // pair names with their neighbours ("costello" → nuclear, "drivers" → championship), which hid a name
        // swapped in beside them.
        if (
          lex &&
          lex.translate(t).some((g) => (g.score >= 0.5 || !(looksForeign(t) || isEnglishWord(t))) && idx.hasGloss(g.en))
        )
          return true;
        if (t.length < 3) return false;
        const k = nameKey(t);
        return idx.someKey((o) => keysMatch(k, o) && (o === k || !idx.commonKeys.has(o)));
      }),
  );
}
