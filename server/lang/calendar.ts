import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import type { Lang } from '../pipeline/types.js';
import { plainWord } from './numberWords.js';

// Months and weekdays in English and Tagalog (data/lexicon-numbers/tl_calendar.tsv), normalised to a shared key
// ("month:9", "weekday:wed") so a date can be compared across languages.

export interface CalendarMention {
  key: string;
  start: number;
  end: number;
  raw: string;
}

interface Tables {
  en: Map<string, string>;
  tl: Map<string, string>;
}

// English abbreviations are matched only with their full stop ("Sept.", "Jan."), so "Mar" or "Sun" in a name is safe.
const EN_ABBR: Record<string, string> = {
  'jan.': 'month:1', 'feb.': 'month:2', 'mar.': 'month:3', 'apr.': 'month:4', 'jun.': 'month:6', 'jul.': 'month:7',
  'aug.': 'month:8', 'sep.': 'month:9', 'sept.': 'month:9', 'oct.': 'month:10', 'nov.': 'month:11', 'dec.': 'month:12',
};
// Spelling variants common in Philippine news that CLDR does not list.
const TL_VARIANTS: Record<string, string> = { septiyembre: 'month:9', setiyembre: 'month:9', oktobre: 'month:10' };

let tables: Tables | null = null;
function load(): Tables {
  if (tables) return tables;
  const en = new Map<string, string>(Object.entries(EN_ABBR));
  const tl = new Map<string, string>(Object.entries(TL_VARIANTS));
  for (const line of readFileSync(dataPath('lexicon-numbers', 'tl_calendar.tsv'), 'utf8').split('\n').slice(1)) {
    const [category, key, enName, tlName, tlAbbr] = line.split('\t');
    if (!category || !key || !enName || !tlName) continue;
    const k = `${category}:${key}`;
    en.set(plainWord(enName), k);
    tl.set(plainWord(tlName), k);
    // Abbreviations only with their full stop; "Mar." (Marso/Martes) and "May." stay out as ambiguous.
    if (category === 'month' && tlAbbr && !['mar', 'may'].includes(plainWord(tlAbbr))) tl.set(plainWord(tlAbbr) + '.', k);
  }
  return (tables = { en, tl });
}

// Ambiguous words: English "May" (modal verb) counts only next to a day number; Tagalog "Linggo" is also "week".
const NEEDS_DAY = new Set(['may', 'linggo']);

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
    const nearDay = /^\s+\d{1,2}\b/.test(text.slice(end, end + 4)) || /\d\s+$/.test(text.slice(Math.max(0, m.index - 4), m.index));
    const midSentence = !/(^|[.!?:"“]\s*)$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && m.index > 0;
    if (NEEDS_DAY.has(plainWord(raw)) && !nearDay && !(plainWord(raw) === 'may' && midSentence)) continue;
    out.push({ key, start: m.index, end, raw });
  }
  return out;
}
