import type { Lang, Role } from '../types.js';
import { clearlyRarer, jaccard, NEAR_DUPLICATE } from '../../lang/near-duplicate.js';
import { isEnStopword } from '../../lang/text-norm.js';

// Roles of the versions of one story. The English non-spun version is the pivot every other version
// is aligned to; Tagalog versions are translations; an English near-duplicate of another English
// version is a spun copy (spinners swap words, so the word sets stay close while the text differs).

export interface SpinReading {
  /** spin findings per 1,000 words, without an original */
  density: number;
  /** whether that density makes it a spun copy, original found or not */
  spun: boolean;
}

export interface VersionInfo {
  lang: Lang;
  sentences: number;
  /** Distinct lowercased words of the document (for near-duplicate tests). */
  words: Set<string>;
  /**
   * How spun it reads on its own. A spin pass is the costliest part of a story, so it is asked only where
   * a role depends on it: never for either side of a near-duplicate pair the words already decide.
   */
  spin: () => SpinReading;
}

export interface RoleAssignment {
  roles: Role[];
  pivot: number;
  /** For each spun version, the index of its original in the story. */
  originals: Map<number, number>;
}

/**
 * Which of two near-duplicates is the spun one: the side whose own words are clearly rarer
 * (direction.ts, `clear`); when that does not decide, the one the spin detectors find denser spin in;
 * then the side whose own words are longer on average.
 */
function spunSide(
  a: VersionInfo,
  b: VersionInfo,
  density: (v: VersionInfo) => number,
): { side: 'a' | 'b'; clear: boolean } {
  // function words a spinner's swaps bring in ("this is" → "this can be a", "another" → "one other") are
  // the commonest words there are: counted, they make the spun side look plainer than its original
  const rarer = clearlyRarer(contentOnly(a.words), contentOnly(b.words));
  if (rarer) return { side: rarer, clear: true };
  const side = (): 'a' | 'b' => {
    const [da, db] = [density(a), density(b)];
    if (da !== db) return da > db ? 'a' : 'b';
    const own = (x: Set<string>, y: Set<string>): number => {
      let n = 0;
      let len = 0;
      for (const w of x) if (!y.has(w)) (n++, (len += w.length));
      return n ? len / n : 0;
    };
    return own(a.words, b.words) > own(b.words, a.words) ? 'a' : 'b';
  };
  return { side: side(), clear: false };
}

const contentOnly = (words: Set<string>): Set<string> => new Set([...words].filter((w) => !isEnStopword(w)));

export function assignRoles(versions: VersionInfo[]): RoleAssignment {
  // an English version's role by its own reading, read when first asked (a pair may settle it first)
  const set: (Role | undefined)[] = versions.map((v) =>
    v.lang === 'tl' ? 'translation' : v.lang !== 'en' ? 'unknown' : undefined,
  );
  const readings = new Map<VersionInfo, SpinReading>();
  const reading = (v: VersionInfo): SpinReading => {
    let r = readings.get(v);
    if (!r) readings.set(v, (r = v.spin()));
    return r;
  };
  const roleOf = (i: number): Role => (set[i] ??= reading(versions[i]!).spun ? 'spin' : 'source');
  const originals = new Map<number, number>();
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      const a = versions[i]!;
      const b = versions[j]!;
      if (a.lang !== b.lang || originals.has(i) || originals.has(j)) continue;
      if (jaccard(a.words, b.words) < NEAR_DUPLICATE) continue;
      const { side, clear } = spunSide(a, b, (v) => reading(v).density);
      const [spun, orig] = side === 'a' ? [i, j] : [j, i];
      // Its own spun copy beside it says more than how spun a text reads alone: a clearly plainer side is
      // the original. Otherwise two versions that both read as spun are two copies of a lost original.
      if (clear) set[orig] = 'source';
      else if (roleOf(orig) === 'spin') continue;
      set[spun] = 'spin';
      originals.set(spun, orig);
    }
  }
  const roles = versions.map((_, i) => roleOf(i));
  // pivot: the longest English source; else the longest non-spun version; else the first
  const pick = (ok: (i: number) => boolean): number => {
    let best = -1;
    versions.forEach((v, i) => {
      if (ok(i) && (best < 0 || v.sentences > versions[best]!.sentences)) best = i;
    });
    return best;
  };
  let pivot = pick((i) => roles[i] === 'source');
  if (pivot < 0) pivot = pick((i) => roles[i] !== 'spin');
  if (pivot < 0) pivot = 0;
  return { roles, pivot, originals };
}
