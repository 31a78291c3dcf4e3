import type { Lang } from '../pipeline/types.js';

// Quantity qualifiers in front of a number: "at least 49" is not "49". Translators keep them
// ("hindi bababa sa 49", "mahigit 49", "mga 49"); a dropped or reversed one changes the claim.
// Three directions: 'up' (at least, more than, over / hindi bababa sa, mahigit, higit sa, lampas sa),
// 'down' (at most, up to, less than, under / hindi hihigit sa, hanggang, wala pang, kulang sa),
// 'approx' (about, nearly, some / mga, halos, humigit-kumulang, tinatayang) — the last is often dropped
// in good translations, so only the first two count as a changed fact.

export type Qualifier = 'up' | 'down' | 'approx';

// Each pattern must end right before the number (only spaces between).
const EN: [RegExp, Qualifier][] = [
  // "selected over five other sports" is a preference, not a count; "he is past forty" is an age above 40.
  [
    /\b(?:at\s+least|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|a\s+minimum\s+of|more\s+than|(?<!\b(?:selected|chosen|preferred|picked|favou?red|prioriti[sz]ed)\s+)over|(?<=\b(?:is|was|are|were|be|been)\s+)past|upwards\s+of|in\s+excess\s+of)\s*$/i,
    'up',
  ],
  [
    /\b(?:at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|less\s+than|fewer\s+than|no\s+longer\s+than)\s*$/i,
    'down',
  ],
  [
    /\b(?:about|around|approximately|roughly|nearly|almost|close\s+to|some|an\s+estimated|estimated|circa|ca\.|some\s+\w+\s+of)\s*$/i,
    'approx',
  ],
];
const TL: [RegExp, Qualifier][] = [
  [
    /(?:\b(?:hindi|di)[\s-]+(?:bababa|bumaba|kukulangin|kukulang|kulang|kakaunti)\s+(?:sa|pa\s+sa)|\bkahit\s+man\s+lang|\bmahigit(?:\s+pa)?(?:\s+sa)?|\b(?:higit|lampas|lagpas|labis|lalampas|lalagpas)(?:\s+pa)?(?:\s+sa)?|\bpinakamababang?)\s*$/i,
    'up',
  ],
  [
    /(?:\b(?:hindi|di)[\s-]+(?:hihigit|lalampas|lalagpas|lalabis|tataas)\s+(?:sa|pa\s+sa)|\bwala\s+pang|\bkulang\s+(?:pa\s+)?sa|\b(?:mas\s+)?mababa\s+(?:pa\s+)?sa|\bhindi\s+aabot\s+sa|(?<!(?:hindi|di)[\s-]+)\bbababa\s+sa)\s*$/i,
    'down',
  ],
  [
    /(?:\bhumigit[\s-]*kumulang(?:\s+sa)?|\bhalos|\btinatayang|\btantiyang|\bmga|\bbandang|\bmuntik\s+nang|\bmahigit[\s-]kumulang(?:\s+sa)?)\s*$/i,
    'approx',
  ],
];

/** The qualifier written right before offset `start` of `text` (the number's start), if any. */
export function qualifierBefore(text: string, start: number, lang: Lang): Qualifier | null {
  const before = text.slice(Math.max(0, start - 40), start);
  const lists = lang === 'en' ? [EN] : lang === 'tl' ? [TL] : [EN, TL];
  // The longest phrase wins: "not more than" is 'down' although it ends in "more than", "no less than" 'up'.
  let best: { q: Qualifier; len: number } | null = null;
  for (const list of lists) {
    for (const [re, q] of list) {
      const m = re.exec(before);
      if (m && (!best || m[0].length > best.len)) best = { q, len: m[0].length };
    }
  }
  return best?.q ?? null;
}

// Words that hint at a bound or an estimate near a number ("20 o higit pa", "younger than 10", "as many as",
// "hanggang 30"): where one side has one, a qualifier on the other side may be its rendering, not a change.
const HINT_EN =
  /\b(?:least|most|more|less|fewer|over|under|above|below|than|up\s+to|as\s+(?:many|much|few|little|far|long|high|low)\s+as|nearly|almost|about|around|approximately|roughly|some|estimated|or\s+(?:more|less|so|fewer)|plus|maximum|minimum|within|beyond|exceed\w*|only|just)\b/i;
const HINT_TL =
  /\b(?:hindi|di|higit|mahigit|lampas|lagpas|labis|kulang|kukulang\w*|bababa|mababa|hanggang|halos|mga|humigit|tinatayang|wala|pinaka\w*|lamang|lang|aabot|umabot|umaabot|abot|mula|hihigit|kahit|sobra|lalampas|lalagpas)\b/i;

/** A bound or estimate word within a few words of [start, end) (see HINT_EN/HINT_TL). */
export function qualifierHint(text: string, start: number, end: number, lang: Lang): boolean {
  const near = text.slice(Math.max(0, start - 30), start) + ' ' + text.slice(end, end + 25);
  return lang === 'en'
    ? HINT_EN.test(near)
    : lang === 'tl'
      ? HINT_TL.test(near)
      : HINT_EN.test(near) || HINT_TL.test(near);
}
