import type { Lang } from '../pipeline/types.js';

// Negation cues, for the polarity check of a translation pair. Tagalog: hindi/di, huwag, wala(ng), ayaw,
// "ni isa"; English: not/n't, never, no, none, nobody, nothing, neither/nor, without, cannot.

export interface NegationCue {
  cue: string;
  start: number;
  end: number;
  /**
   * A Tagalog particle bound to one word rather than to the clause: "hindi kilalang impormasyon" (unknown
   * information), "mga sistemang hindi nasubaybayan" (unmonitored systems), "nang hindi kumakain" (without eating).
   * English mostly renders these with a word of its own (unknown, chronic, deidentified), so the check weighs
   * them like such words, not like a clause negation.
   */
  bound?: boolean;
}

const EN_CUES =
  /(?<![\p{L}'’])(not|never|no|none|nobody|nothing|neither|nor|nowhere|without|cannot|unable|no-one|noone)(?![\p{L}'’])|\p{L}(n['’]t)(?![\p{L}])/giu;
const TL_CUES =
  /(?<![\p{L}'’-])(hindi|hindì|hindî|hinde|di|huwag|wag|wala|walang|ayaw|ayoko|ayokong|ewan|ayaw ng|hinding-hindi|kailanma'y hindi)(?![\p{L}'’-])|(?<![\p{L}])['’](di)(?![\p{L}])|(?<![\p{L}'’-])(di)-(?=\p{L})/giu;

// "No." before a number is the abbreviation of "number"; "not only … but" keeps the meaning positive-ish
// but is still a negation cue in both languages ("hindi lamang … kundi"), so it stays.
function isNumberAbbrev(text: string, end: number): boolean {
  return /^\.?\s*\d/.test(text.slice(end, end + 3));
}

// Quantity and time idioms built on a negation particle that translate to no negation at all: "hindi bababa sa
// 15" is "at least 15", "wala pang 16" is "under 16", "di nagtagal" is "soon after"; English "no more than 5"
// is "hanggang 5". Their particle is not a polarity cue on either side.
const NUM_WORD = '(?:\\d|isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|sampu|labing)';
const TL_IDIOM = new RegExp(
  `^(?:bababa|kukulang\\p{L}*|lalampas|lalagpas|hihigit|lalabis|nagtagal|natagalan|nagluwat|kalayuan|pa(?:ng)?\\s+(?:[\\p{L}-]+\\s+){0,2}(?:na\\s+)?${NUM_WORD})`,
  'iu',
);
const EN_IDIOM =
  /^(?:(?:be\s+)?(?:more|less|fewer|longer|later|sooner|greater|higher|lower|earlier)\s+than|long\s+(?:after|before|afterwards)|only\s+that)\b/iu;
// "hindi dapat higit sa 20", "hindi na lalampas sa": the bound idioms with a modal or clitic in between.
const TL_IDIOM_MODAL = /^(?:dapat|na|pa|raw|daw)\s+(?:higit|hihigit|lalampas|lalagpas|bababa|lalabis|tataas)\b/iu;

// "not only … but", "hindi lamang/lang … kundi/kung hindi": an additive, not a negation, on both sides.
const EN_NOT_ONLY = /^\s+(?:only|just|merely|simply|solely)\b/iu;
const TL_NOT_ONLY = /^\s+(?:lamang|lang)\b/iu;
const TL_NOT_ONLY_BEFORE = /\bhindi\s+(?:lamang|lang)\b/iu;

// Words after which a Tagalog particle is bound to the next word (see NegationCue.bound): the markers
// ang/mga/ng/sa before a negated noun or adjective ("mga hindi mahalagang bisita", "ang kahalagahan ng hindi
// pabago-bagong pasya") and a noun with the linker -ng ("mga sistemang hindi nasubaybayan").
// Not "na"/"nang": "na hindi" is as often "that do not" and "nang hindi" "without", which English says with a
// particle too. Conjunctions, pronouns and modals with -ng ("kung hindi", "upang hindi", "kailangang hindi")
// negate their clause and stay particles.
const TL_BOUND_BEFORE = /(?:^|[^\p{L}])(?:(ang|mga|ng|sa)|(\p{L}{4,}[aeiou]ng))\s+$/iu;
const TL_CLAUSE_NG =
  /^(?:upang|hanggang|habang|noong|ngayong|tuwing|samantalang|gayong|nitong|kahapong|siyang|niyang|kanilang|kaniyang|kanyang|aming|naming|ating|nating|inyong|ninyong|sinumang|anumang|kailangang|maaaring|puwedeng|pwedeng|sanang|gustong|lalong|talagang|siguradong|dapat|mayroong|mayroon|magiging|maging)$/iu;

function boundParticle(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const m = TL_BOUND_BEFORE.exec(before);
  return Boolean(m && !(m[2] && TL_CLAUSE_NG.test(m[2])));
}

// Idioms on a negation that the other language says without one. Their cue is weighed like a word of lack (see
// NegationCue.bound): it excuses a particle on the other side but is no clause negation of its own.
// English: "Oh no!" (Naku!), "Why not?" (Sige), "no matter what" (kahit ano), "no wonder" (kaya pala), "no doubt"
// (tiyak), "no problem", "never mind" (hayaan mo na), "not bad", and a comparison "not as good as" / "don't know
// you as well as" that Tagalog turns round ("mas … kaysa").
const EN_SOFT_BEFORE = /(?:^|[^\p{L}])(?:oh|uh|ah|aw|why)[\s,!]*$/iu;
// "say no", "voted no": the answer reported, a refusal rather than a clause negation ("hihindì ka").
const EN_SAY_NO = /(?:^|[^\p{L}])(?:say|says|said|saying|answer(?:s|ed)?|vote[sd]?|voting)\s+["“']?$/iu;
const EN_SOFT_AFTER = /^\s+(?:matter|doubt|wonder|problem|mind|bad)\b/iu;
// (Close to the cue, and not the conjunctions "as far as", "as long as", "as soon as".)
const EN_AS_AS = /^(?:\s+\p{L}+){0,3}?\s+(?:as|so)\s+(?!far\b|long\b|soon\b)\p{L}+\s+as\b/iu;
// Tagalog: "wala" before a person or pronoun with no linker is absence, "not here" or "gone" ("Wala na si Tom" =
// "Tom left", "Wala siya rito" = "He is out"), which English often says without a particle; "wala siyang pera"
// (linker -ng) is possession and stays a negation.
const TL_ABSENT =
  /^\s+(?:(?:na|pa)\s+)?(?:(?:dito|rito|diyan|riyan|doon|roon)\s+)?(?:si|sina|siya|sila|ako|ka|kami|tayo|kayo|ito|iyon|iyan)(?![\p{L}'’-])/iu;

function softIdiom(
  text: string,
  start: number,
  end: number,
  cue: string,
  lang: 'en' | 'tl',
  hyphenated: boolean,
): boolean {
  const after = text.slice(end);
  if (lang === 'en') {
    if (EN_SOFT_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && /^(?:no|not)$/.test(cue)) return true;
    if (cue === 'no' && EN_SAY_NO.test(text.slice(Math.max(0, start - 10), start))) return true;
    if (/^(?:no|never|not)$/.test(cue) && EN_SOFT_AFTER.test(after)) return true;
    return /^(?:not|n['’]t)$/.test(cue) && EN_AS_AS.test(after);
  }
  // "di-kaaya-aya", "di-tiyak": a prefix on one word, like English un- (cons, uncertain).
  if (hyphenated) return true;
  return cue === 'wala' && TL_ABSENT.test(after);
}

/** The particle at [start, end) opens an idiom that carries no negation (see TL_IDIOM/EN_IDIOM). */
function isIdiom(text: string, end: number, lang: Lang): boolean {
  const after = text.slice(end).replace(/^[\s-]+/, '');
  return lang === 'tl' ? TL_IDIOM.test(after) : EN_IDIOM.test(after);
}

// Negation carried by a word rather than a particle: English un-/in-/non-/-less words and words of lack or
// refusal ("unknown" → "hindi alam", "excluded" → "hindi kasama", "lack" → "kakulangan"); Tagalog words built on
// the roots of lack, loss and failure (kulang, wala, bigo). They do not prove polarity on their own, so the check
// uses them to excuse a particle on the other side, and counts them when a particle meets a particle.
const EN_SOFT =
  /(?<![\p{L}])(?:un(?!der|it|ion|iver|iqu|til|less|esco|icef|veil|leash|fold|rav|pack|lock|load|earth|cover|dergo|cle(?!a)|iform|ify|ison)\p{L}{3,}|non-\p{L}+|non\p{L}{3,}|neutral|infinite\p{L}*|deficien\p{L}+|stranger\p{L}*|implausib\p{L}+|(?!nevertheless|regardless)\p{L}{3,}less(?:ly|ness)?|less|lesser|fewer|barely|hardly|scarcely|rarely|lack\p{L}*|fail\p{L}*|absen\p{L}+|missing|refus\p{L}+|den(?:y|ied|ies)|prohibit\p{L}*|unless|except\p{L}*|exclu\p{L}+|depriv\p{L}+|empty|away|out of|ban(?:s|ned|ning)?|abnormal\p{L}*|under-?privileged|poorly|bare|hunger|seldom|against\s+the\s+(?:law|constitution|rules?|regulations?)|neglect\p{L}*|hate\p{L}*|dislik\p{L}*|deaf|ignor\p{L}*|weak\p{L}*|susceptib\p{L}*|vulnerab\p{L}*|starv\p{L}*|abort\p{L}*|obscur\p{L}*|trespass\p{L}*|grounded|immune\s+to|\p{L}+-free|free\s+of\s+charge|inevitabl\p{L}*|illegib\p{L}*|inexperienc\p{L}*|asynchron\p{L}*|asymptomatic|atypical|los(?:s|t|e|es|ing)|avoid\p{L}*|prevent\p{L}*|resist\p{L}*|reluctan\p{L}*|refrain\p{L}*|beware|stop(?:s|ped|ping)?|quit(?:s|ting)?|ceas\p{L}*|clums\p{L}*|wrong\p{L}*|bad(?:ly)?|worse|worst|evad\p{L}*|circumvent\p{L}*|(?:in|im|il|ir)(?:accessible|accessable|adequate|advertent\p{L}*|appropriate|capable|complete|conclusive|consistent|convenient|correct|curable|definite\p{L}*|direct\p{L}*|effective|efficient|eligible|expensive|formal|frequent\p{L}*|sufficient|valid|visible|regular|relevant|responsible|legal|legitimate|mature|mobile|possible|patient|perfect|proper|practical|proportionate\p{L}*|active|accurate\p{L}*|stable)|dis(?:agree\p{L}*|advantage\p{L}*|like\p{L}*|honest|proportionate\p{L}*|able\p{L}*|approv\p{L}*|continu\p{L}*))(?![\p{L}])/giu;
const TL_SOFT =
  /(?<![\p{L}])(?<!(?:hindi|di)[\s-]+)(?:\p{L}*kulang\p{L}*|(?:pag)?(?:ka|na|ma)(?:wa)?wala\p{L}*|\p{L}*bigo\p{L}*|\p{L}*bigu\p{L}*|maliban|iwas\p{L}*|pigil\p{L}*|bawal|ipinagbabawal|\p{L}*t(?:in)?anggi\p{L}*|\p{L}*pabaya\p{L}*|(?:ka)?hinaan|(?:ma|mahi|napaka)?hina|kaunti|mabuway|ilegal|iligal|imposible|iregular|imoral|labag|malabo\p{L}*|madalang|bihira\p{L}*|tahan|\p{L}*t(?:um|in)?igil\p{L}*|\p{L}*h(?:um|in)?into\p{L}*|tama\s+na|mali|masama|pangit|marumi|madumi|malungkot)(?![\p{L}])/giu;

// The affixal negations among them (un-, in-, non-, dis-, -less, excluded, missing): Tagalog nearly always
// renders these with a particle (hindi alam, di-tiyak, hindi kasama), so one of them is worth a particle there.
const EN_AFFIXAL =
  /(?<![\p{L}])(?:un(?!der|it|i[oó]n|iver|iqu|til|less|esco|icef|veil|leash|fold|rav|pack|lock|load|earth|cover|dergo|fortunate|cle(?!a)|iform|ify|ison|coat|wrap|plug|zip|screw|dress|tie|twist|roll|wind)\p{L}{3,}|non-?\p{L}{3,}|(?:in|im|il|ir)(?:accessible|accessable|adequate|appropriate|capable|experienced|complete|conclusive|consistent|convenient|correct|definite\p{L}*|direct\p{L}*|effective|efficient|eligible|formal|frequent\p{L}*|sufficient|valid|visible|regular|relevant|responsible|legal|possible|proper|practical|proportionate\p{L}*|active|accurate\p{L}*|stable)|dis(?:honest|proportionate\p{L}*|abled|approv\p{L}*)|(?!nevertheless|regardless)\p{L}{3,}less|inevitabl\p{L}*|illegib\p{L}*|inadvertent\p{L}*|asynchron\p{L}*|asymptomatic|atypical|\p{L}+-free|exclud\p{L}*|exclusion|missing|lesser)(?![\p{L}])/giu;

// Tagalog keeps some of them as loanwords ("hindi ilegal" = "not illegal"): they pair with the English ones.
const TL_AFFIXAL =
  /(?<![\p{L}])(?:ilegal\p{L}*|iligal\p{L}*|imposible\p{L}*|iregular\p{L}*|imoral\p{L}*|impormal\p{L}*|inutil|asimtomatik\p{L}*|asintomatik\p{L}*|atipikal|di-?makatarungan|walang-\p{L}+)(?![\p{L}])/giu;

/** Affixal negations in `text`: English un-/in-/non-/-less words (see EN_AFFIXAL), Tagalog loans (ilegal). */
export function affixalNegation(text: string, lang: Lang): number {
  return (lang === 'en' ? text.match(EN_AFFIXAL) : text.match(TL_AFFIXAL))?.length ?? 0;
}

/**
 * The affixal negations of an English text that a Tagalog text does not keep as written (a word left in English,
 * "asymptomatic", "nonstructural", is not translated, so it owes no particle). Lexical ones (excluded, missing,
 * lesser) are left out: Tagalog has words of its own for them (ibinukod, nawawala).
 */
export function unkeptAffixal(en: string, tl: string): number {
  const kept = new Set(tl.toLowerCase().match(/[\p{L}-]+/gu) ?? []);
  // -less/-free words are mostly lexicalised ("endless" = paulit-ulit, "nonsense" = kalokohan): prefixes only.
  return (en.match(EN_AFFIXAL) ?? []).filter(
    (w) => !/^(?:exclu|missing|lesser|nonsens)/i.test(w) && !/(?:less|-free)$/i.test(w) && !kept.has(w.toLowerCase()),
  ).length;
}

// Tagalog words that render an English un- word with a positive antonym ("unusual" / "kakaiba", "unfamiliar" /
// "bago"): not negations themselves ("kakaibang hayop" is "exotic animals"), so they only excuse an un- word
// the translation does not negate; they do not excuse a particle.
const TL_UN_ANTONYM = /(?<![\p{L}])(?:kakaiba\p{L}*|kataka-taka|pambihira\p{L}*|estranghero)(?![\p{L}])/giu;

/** Tagalog positive antonyms of English un- words (see TL_UN_ANTONYM). */
export function unAntonyms(text: string): number {
  return text.match(TL_UN_ANTONYM)?.length ?? 0;
}

/** Words that carry negation without a negation particle (see EN_SOFT). */
export function softNegation(text: string, lang: Lang): number {
  const re = lang === 'tl' ? TL_SOFT : EN_SOFT;
  return text.match(re)?.length ?? 0;
}

/** Negation cues in `text` for language `lang` ('other' uses both lists). */
export function negationCues(text: string, lang: Lang): NegationCue[] {
  const out: NegationCue[] = [];
  // Accented spellings (walàng, hindî) read as plain ones; one code unit each way, so offsets hold.
  const plain = text.replace(/[\u00C0-\u024F]/gu, (c) => c.normalize('NFD')[0]!);
  const scan = (re: RegExp) => {
    for (const m of plain.matchAll(re)) {
      const g = m[1] ?? m[2] ?? m[3] ?? m[0];
      // spellings of hindi met in informal text: hinde, hindì
      const cue = g
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/^hinde$/, 'hindi');
      const start = m.index + m[0].lastIndexOf(g);
      const end = start + cue.length;
      if (cue === 'no' && isNumberAbbrev(text, end)) continue;
      // "kung hindi ay/man/naman" is "otherwise" (no negation in English); "kung hindi," is "if not" and stays a cue.
      if (
        cue === 'hindi' &&
        /\bkung\s+$/i.test(text.slice(Math.max(0, start - 6), start)) &&
        /^\s+(?:ay|naman|man)\b/i.test(text.slice(end))
      )
        continue;
      const cueLang = lang === 'en' || (lang === 'other' && re === EN_CUES) ? 'en' : 'tl';
      if (isIdiom(text, end, cueLang)) continue;
      if (cueLang === 'tl' && TL_IDIOM_MODAL.test(text.slice(end).replace(/^[\s-]+/, ''))) continue;
      if (cue === 'not' && EN_NOT_ONLY.test(text.slice(end)) && /\bbut\b/i.test(text.slice(end))) continue;
      // An English tag question ("…, didn't you?") asks for agreement; it negates nothing.
      if (/^n['’]t$/.test(cue) && /^\s+(?:i|you|he|she|it|we|they|there)\s*\?/i.test(text.slice(end))) continue;
      // "in no time" is "soon" (mabilis, agad).
      if (
        cue === 'no' &&
        /\bin\s+$/i.test(text.slice(Math.max(0, start - 4), start)) &&
        /^\s+time\b/i.test(text.slice(end))
      )
        continue;
      // A tag question ("…, 'di ba?", "hindi ba?") asks for agreement; it negates nothing.
      if ((cue === 'di' || cue === 'hindi') && /^\s+ba\s*\?/i.test(text.slice(end))) continue;
      // "huwag na huwag", "hindi na hindi": one emphatic negation (never), not two.
      if (
        /^(?:huwag|wag|hindi)$/.test(cue) &&
        new RegExp(`\\b${cue}\\s+na\\s+$`, 'i').test(text.slice(Math.max(0, start - 12), start))
      )
        continue;
      // After a negation, "kung hindi" / "kundi" is "but" / "except" ("Wala siyang iniisip kung hindi sarili niya" =
      // "He thinks of nothing but himself"): the sentence's one negation is already counted.
      if (
        cue === 'hindi' &&
        /\bkung\s+$/i.test(text.slice(Math.max(0, start - 6), start)) &&
        /(?:^|[^\p{L}])(?:wala|walang|hindi)\s/iu.test(text.slice(0, start - 5))
      )
        continue;
      // "nowhere near affected areas" is "far from" (malayo sa): a distance, not a negation.
      if (cue === 'nowhere' && /^\s+near\b/i.test(text.slice(end))) continue;
      // "no nation — not even Armenia": "not even" repeats a negation already made, it adds none.
      if (cue === 'not' && /^\s+even\b/i.test(text.slice(end)) && out.length > 0) continue;
      if (
        cue === 'hindi' &&
        TL_NOT_ONLY.test(text.slice(end)) &&
        /\b(?:kundi|kung\s+hindi|ngunit|pati|subalit)\b/i.test(text.slice(end))
      )
        continue;
      if (
        cue === 'hindi' &&
        /\bkung\s+$/i.test(text.slice(Math.max(0, start - 6), start)) &&
        TL_NOT_ONLY_BEFORE.test(text.slice(0, start))
      )
        continue;
      // "Hindi" with a capital inside a sentence is the language.
      if (m[0] === 'Hindi' && !/(^|[.!?:"“]\s*)$/.test(text.slice(0, start))) continue;
      const bound =
        (cueLang === 'tl' && ['hindi', 'di'].includes(cue) && boundParticle(text, start)) ||
        softIdiom(text, start, end, cue, cueLang, m[3] !== undefined && re === TL_CUES);
      out.push(bound ? { cue, start, end, bound } : { cue, start, end });
    }
  };
  if (lang !== 'tl') scan(EN_CUES);
  if (lang !== 'en') scan(TL_CUES);
  return out.sort((a, b) => a.start - b.start);
}
