import { readFileSync } from 'node:fs';
import type { Lang } from '../pipeline/types.js';
import { plainWord } from './numberWords.js';
import { resource, use } from '../core/resources.js';

// Months and weekdays in English and Tagalog (data/lexicon-numbers/tl_calendar.tsv), normalised to a shared key
// ("month:9", "weekday:wed") so a date can be compared across languages.

export interface CalendarMention {
  key: string;
  start: number;
  end: number;
  raw: string;
  /** An ambiguous word ("May" at a sentence start, "Linggo" = Sunday or week): it matches the other side's
   * mention of the same key, but is not a fact of its own when the other side has none. */
  optional?: boolean;
}

interface Tables {
  en: Map<string, string>;
  tl: Map<string, string>;
}

// English abbreviations are matched only with their full stop ("Sept.", "Jan."), so "Mar" or "Sun" in a name is safe.
const EN_ABBR: Record<string, string> = {
  'jan.': 'month:1',
  'feb.': 'month:2',
  'mar.': 'month:3',
  'apr.': 'month:4',
  'jun.': 'month:6',
  'jul.': 'month:7',
  'aug.': 'month:8',
  'sep.': 'month:9',
  'sept.': 'month:9',
  'oct.': 'month:10',
  'nov.': 'month:11',
  'dec.': 'month:12',
};
// Spelling variants common in Philippine news that CLDR does not list: older Spanish spellings of the months
// (Febrero, Junio, Septiembre, Octubre…), and the weekday Miyerkoles.
const TL_VARIANTS: Record<string, string> = {
  septiyembre: 'month:9',
  setiyembre: 'month:9',
  septiembre: 'month:9',
  setembre: 'month:9',
  oktobre: 'month:10',
  octubre: 'month:10',
  febrero: 'month:2',
  pebrero: 'month:2',
  marzo: 'month:3',
  junio: 'month:6',
  hunio: 'month:6',
  julio: 'month:7',
  hulio: 'month:7',
  noviembre: 'month:11',
  nobiyembre: 'month:11',
  diciembre: 'month:12',
  disiyembre: 'month:12',
  miyerkoles: 'weekday:wed',
  miercoles: 'weekday:wed',
  sabadu: 'weekday:sat',
};

const TABLES = resource('month and weekday names', (res): Tables => {
  const en = new Map<string, string>(Object.entries(EN_ABBR));
  const tl = new Map<string, string>(Object.entries(TL_VARIANTS));
  for (const line of readFileSync(res.dataPath('lexicon-numbers', 'tl_calendar.tsv'), 'utf8').split('\n').slice(1)) {
    const [category, key, enName, tlName, tlAbbr] = line.split('\t');
    if (!category || !key || !enName || !tlName) continue;
    const k = `${category}:${key}`;
    en.set(plainWord(enName), k);
    tl.set(plainWord(tlName), k);
    // Abbreviations only with their full stop; "Mar." (Marso/Martes) and "May." stay out as ambiguous.
    if (category === 'month' && tlAbbr && !['mar', 'may'].includes(plainWord(tlAbbr)))
      tl.set(plainWord(tlAbbr) + '.', k);
  }
  return { en, tl };
});
const load = (): Tables => use(TABLES);

// Ambiguous words: English "May" (modal verb) counts only next to a day number; Tagalog "Linggo" is also "week".
const NEEDS_DAY = new Set(['may', 'linggo']);
// Words that make a following "Linggo" the weekday (noong Linggo = last Sunday, tuwing Linggo = every Sunday).
const DAY_MARKER =
  /(?:^|[^\p{L}])(?:noong|nitong|ngayong|tuwing|sa|araw\s+ng|kahapong|bukas\s+ng|hanggang|mula|kada)\s+$/iu;

/** Month and weekday names in `text` (capitalised forms only: "march" and "may" are common words). */
export function extractCalendar(text: string, lang: Lang): CalendarMention[] {
  const { en, tl } = load();
  const maps = lang === 'en' ? [en] : lang === 'tl' ? [tl, en] : [en, tl];
  const out: CalendarMention[] = [];
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{M}]+\.?/gu)) {
    let raw = m[0];
    let key: string | undefined;
    for (const map of maps) key ??= map.get(plainWord(raw));
    if (key === undefined && raw.endsWith('.')) {
      raw = raw.slice(0, -1);
      for (const map of maps) key ??= map.get(plainWord(raw));
    }
    if (key === undefined) continue;
    const end = m.index + raw.length;
    // "May" inside a sentence with a capital is the month (the modal is lower case there); at a sentence start
    // it needs a day number beside it. "Linggo" likewise (it is also "week").
    const nearDay =
      /^\s+\d{1,2}\b/.test(text.slice(end, end + 4)) || /\d\s+$/.test(text.slice(Math.max(0, m.index - 4), m.index));
    const midSentence = !/(^|[.!?:"“]\s*)$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && m.index > 0;
    const word = plainWord(raw);
    if (NEEDS_DAY.has(word) && !nearDay && !(word === 'may' && midSentence)) {
      // "Linggo" after noong/tuwing/sa or mid-sentence with its capital is Sunday; elsewhere it may be the week,
      // and "May" at a sentence start the modal: both kept as optional (they count only if the other side agrees).
      const sunday =
        word === 'linggo' && (DAY_MARKER.test(text.slice(Math.max(0, m.index - 12), m.index)) || midSentence);
      out.push({ key, start: m.index, end, raw, optional: !sunday });
      continue;
    }
    out.push({ key, start: m.index, end, raw });
  }
  return out;
}
