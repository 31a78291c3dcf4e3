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

/** Negation cues in `text` for language `lang` ('other' uses both lists). */
export function negationCues(text: string, lang: Lang): NegationCue[] {
  const out: NegationCue[] = [];
  const scan = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      const cue = (m[1] ?? m[2] ?? m[0]).toLowerCase();
      const start = m.index + m[0].lastIndexOf(m[1] ?? m[2] ?? m[0]);
      const end = start + cue.length;
      if (cue === 'no' && isNumberAbbrev(text, end)) continue;
      out.push({ cue, start, end });
    }
  };
  if (lang !== 'tl') scan(EN_CUES);
  if (lang !== 'en') scan(TL_CUES);
  return out.sort((a, b) => a.start - b.start);
}
