import type { Lang } from '../pipeline/types.js';

// Compass words attached to a place name: "South Cotabato", "northern Luzon", "Hilagang Cotabato",
// "timog Luzon", "Surigao del Norte". A name whose direction changed in translation is another place.

export type Direction = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

export interface CompassName {
  dir: Direction;
  /** The folded name the direction is attached to ("cotabato"). */
  name: string;
  start: number;
  end: number;
  raw: string;
}

const EN_DIR: Record<string, Direction> = {
  north: 'n',
  northern: 'n',
  south: 's',
  southern: 's',
  east: 'e',
  eastern: 'e',
  west: 'w',
  western: 'w',
  northeast: 'ne',
  northeastern: 'ne',
  northwest: 'nw',
  northwestern: 'nw',
  southeast: 'se',
  southeastern: 'se',
  southwest: 'sw',
  southwestern: 'sw',
};
// Tagalog: hilaga(ng), timog, silangan(g), kanluran(g), and the compounds timog-silangan(g) etc.
const TL_DIR: Record<string, Direction> = {
  hilaga: 'n',
  hilagang: 'n',
  timog: 's',
  silangan: 'e',
  silangang: 'e',
  kanluran: 'w',
  kanlurang: 'w',
  'hilagang-silangan': 'ne',
  'hilagang-silangang': 'ne',
  'hilagang-kanluran': 'nw',
  'hilagang-kanlurang': 'nw',
  'timog-silangan': 'se',
  'timog-silangang': 'se',
  'timog-kanluran': 'sw',
  'timog-kanlurang': 'sw',
};
// "hilagang kanluran", "timog silangang": the compounds written with a space.
const TL_TWO =
  /(?<![\p{L}-])(hilagang|timog)\s+(silangan|silangang|kanluran|kanlurang)(?=(\s+(?:(?:na|ng)\s+)?)(\p{Lu}[\p{L}\p{M}]+))/giu;
// Spanish-style provinces ("Surigao del Norte", "Ilocos Sur", "Camarines Norte") in both languages.
const SPANISH: Record<string, Direction> = { norte: 'n', sur: 's', oriental: 'e', occidental: 'w' };

const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function compassNames(text: string, lang: Lang): CompassName[] {
  const out: CompassName[] = [];
  const table = lang === 'tl' ? { ...EN_DIR, ...TL_DIR } : EN_DIR;
  // direction word (any case) + "ng"/"na" linker optional + a capitalised name
  // (the name in a lookahead, so that "struck South Cotabato" still sees "South")
  for (const m of text.matchAll(
    /(?<![\p{L}-])([\p{L}]+(?:-[\p{L}]+)?)(?=(\s+(?:(?:na|ng)\s+)?)(\p{Lu}[\p{L}\p{M}]+))/gu,
  )) {
    const dir = table[fold(m[1]!)];
    if (!dir) continue;
    const end = m.index + m[1]!.length + m[2]!.length + m[3]!.length;
    out.push({ dir, name: fold(m[3]!), start: m.index, end, raw: text.slice(m.index, end) });
  }
  if (lang !== 'en') {
    for (const m of text.matchAll(TL_TWO)) {
      const dir = TL_DIR[`${fold(m[1]!)}-${fold(m[2]!)}`]!;
      const end = m.index + m[0].length + m[3]!.length + m[4]!.length;
      // the compound replaces the reading of its second word alone ("kanluran ng India")
      const second = m.index + m[0].length - m[2]!.length;
      const k = out.findIndex((c) => c.start === second);
      if (k >= 0) out.splice(k, 1);
      out.push({ dir, name: fold(m[4]!), start: m.index, end, raw: text.slice(m.index, end) });
    }
  }
  for (const m of text.matchAll(/(\p{Lu}[\p{L}\p{M}]+)\s+(?:del\s+)?(Norte|Sur|Oriental|Occidental)(?![\p{L}])/gu)) {
    out.push({ dir: SPANISH[fold(m[2]!)]!, name: fold(m[1]!), start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

/** The first name whose direction differs between the two texts, with no mention of it in the old direction. */
export function compassChange(
  src: string,
  srcLang: Lang,
  tgt: string,
  tgtLang: Lang,
): { src: CompassName; tgt: CompassName } | null {
  const a = compassNames(src, srcLang);
  const b = compassNames(tgt, tgtLang);
  for (const x of a) {
    const same = b.filter((y) => y.name === x.name);
    // Only a direction with nothing in common is a change: "northwest" rendered "kanluran" (west) is loose, not wrong.
    if (!same.length || same.some((y) => [...y.dir].some((d) => x.dir.includes(d)))) continue;
    if (a.some((z) => z.name === x.name && z !== x && same.some((y) => y.dir === z.dir))) continue;
    return { src: x, tgt: same[0]! };
  }
  return null;
}
