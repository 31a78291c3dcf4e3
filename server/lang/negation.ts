import type { Lang } from '../pipeline/types.js';

// Negation cues, for the polarity check of a translation pair. Tagalog: hindi/di, huwag, wala(ng), ayaw,
// "ni isa"; English: not/n't, never, no, none, nobody, nothing, neither/nor, without, cannot.

export interface NegationCue {
  cue: string;
  start: number;
  end: number;
}

const EN_CUES =
  /(?<![\p{L}'’])(not|never|no|none|nobody|nothing|neither|nor|nowhere|without|cannot|unable|no-one|noone)(?![\p{L}'’])|\p{L}(n['’]t)(?![\p{L}])/giu;
const TL_CUES = /(?<![\p{L}'’-])(hindi|di|huwag|wag|wala|walang|ayaw|ayoko|ayaw ng|hinding-hindi|kailanma'y hindi)(?![\p{L}'’-])|(?<![\p{L}])['’](di)(?![\p{L}])/giu;

// "No." before a number is the abbreviation of "number"; "not only … but" keeps the meaning positive-ish
// but is still a negation cue in both languages ("hindi lamang … kundi"), so it stays.
function isNumberAbbrev(text: string, end: number): boolean {
  return /^\.?\s*\d/.test(text.slice(end, end + 3));
}

// Negation carried by a word rather than a particle: English un-/non-/-less words and quantity words
// ("unknown" → "hindi alam", "at least 15" → "hindi bababa sa 15"). They do not prove polarity, so the
// check uses them only to excuse a particle on the other side.
const EN_SOFT =
  /(?<![\p{L}])(?:un(?!der|it|ion|iver|iqu|til|less|esco|icef)\p{L}{3,}|non-\p{L}+|non\p{L}{3,}|neutral|infinite\p{L}*|deficien\p{L}+|stranger\p{L}*|otherwise|implausib\p{L}+|(?!nevertheless|regardless)\p{L}{3,}less(?:ly|ness)?|less|least|fewer|barely|hardly|scarcely|rarely|lack\p{L}*|fail\p{L}*|absen\p{L}+|missing|refus\p{L}+|den(?:y|ied|ies)|prohibit\p{L}*|unless|(?:in|im|il|ir|dis)(?:accessible|adequate|advertent\p{L}*|appropriate|capable|complete|consistent|convenient|correct|curable|definite\p{L}*|effective|efficient|eligible|expensive|formal|sufficient|valid|visible|regular|relevant|responsible|legal|legitimate|mature|mobile|possible|patient|perfect|proper|practical|agree\p{L}*|advantage\p{L}*|like\p{L}*|honest|proportionate\p{L}*|able\p{L}*|approv\p{L}*))(?![\p{L}])/giu;
const TL_SOFT = /(?<![\p{L}])(?:kulang\p{L}*|maliban|iwas\p{L}*|pigil\p{L}*|bawal|ipinagbabawal|tumanggi|tanggi\p{L}*|mahina|kaunti|nawawala\p{L}*)(?![\p{L}])/giu;

/** Words that carry negation without a negation particle (see EN_SOFT). */
export function softNegation(text: string, lang: Lang): number {
  const re = lang === 'tl' ? TL_SOFT : EN_SOFT;
  return text.match(re)?.length ?? 0;
}

/** Negation cues in `text` for language `lang` ('other' uses both lists). */
export function negationCues(text: string, lang: Lang): NegationCue[] {
  const out: NegationCue[] = [];
  const scan = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      const cue = (m[1] ?? m[2] ?? m[0]).toLowerCase();
      const start = m.index + m[0].lastIndexOf(m[1] ?? m[2] ?? m[0]);
      const end = start + cue.length;
      if (cue === 'no' && isNumberAbbrev(text, end)) continue;
      // "kung hindi" is "otherwise" / "or else" far more often than a negated condition.
      if (cue === 'hindi' && /\bkung\s+$/i.test(text.slice(Math.max(0, start - 6), start))) continue;
      // "Hindi" with a capital inside a sentence is the language.
      if (m[0] === 'Hindi' && !/(^|[.!?:"“]\s*)$/.test(text.slice(0, start))) continue;
      out.push({ cue, start, end });
    }
  };
  if (lang !== 'tl') scan(EN_CUES);
  if (lang !== 'en') scan(TL_CUES);
  return out.sort((a, b) => a.start - b.start);
}
