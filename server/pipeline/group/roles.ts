import type { Lang, Role } from '../types.js';
import { frequencyRank } from '../detect/spin/frequency.js';

// Roles of the versions of one story. The English non-spun version is the pivot every other version
// is aligned to; Tagalog versions are translations; an English near-duplicate of another English
// version is a spun copy (spinners swap words, so the word sets stay close while the text differs).

export interface VersionInfo {
  lang: Lang;
  sentences: number;
  /** Distinct lowercased words of the document (for near-duplicate tests). */
  words: Set<string>;
  /** How spun it reads on its own (spin findings per 1,000 words, without an original); 0 when not scored. */
  spinDensity: number;
  /** Whether that density makes it a spun copy, original found or not. */
  spun: boolean;
}

export interface RoleAssignment {
  roles: Role[];
  pivot: number;
  /** For each spun version, the index of its original in the story. */
  originals: Map<number, number>;
}

/** Word-set overlap above which two same-language versions are one text, one of them spun. */
export const NEAR_DUPLICATE = 0.35;

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Mean log frequency rank of the words x has and y lacks: what one near-duplicate says differently. */
function ownRarity(x: Set<string>, y: Set<string>): number {
  let n = 0;
  let sum = 0;
  for (const w of x)
    if (!y.has(w) && /^\p{L}+$/u.test(w)) {
      n++;
      sum += Math.log(frequencyRank(w));
    }
  return n ? sum / n : 0;
}

/**
 * Which of two near-duplicates is the spun one. Spinners replace common words with rarer synonyms
 * ("said" → "stated", "local" → "native"), so the words only one side has are clearly rarer on the spun
 * side (`clear`); when that does not decide, the one the spin detectors find denser spin in; then the
 * side whose own words are longer on average.
 */
function spunSide(a: VersionInfo, b: VersionInfo): { side: 'a' | 'b'; clear: boolean } {
  const [ra, rb] = [ownRarity(a.words, b.words), ownRarity(b.words, a.words)];
  if (Math.abs(ra - rb) > RARITY_MARGIN) return { side: ra > rb ? 'a' : 'b', clear: true };
  const side = (): 'a' | 'b' => {
    if (a.spinDensity !== b.spinDensity) return a.spinDensity > b.spinDensity ? 'a' : 'b';
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

/** Difference in mean log rank (nats; 0.5 ≈ ranks 1.6 times further down) from which the rarer side is the spun one. */
const RARITY_MARGIN = 0.5;

export function assignRoles(versions: VersionInfo[]): RoleAssignment {
  const roles: Role[] = versions.map((v) =>
    v.lang === 'tl' ? 'translation' : v.lang !== 'en' ? 'unknown' : v.spun ? 'spin' : 'source',
  );
  const originals = new Map<number, number>();
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      const a = versions[i]!;
      const b = versions[j]!;
      if (a.lang !== b.lang || originals.has(i) || originals.has(j)) continue;
      if (jaccard(a.words, b.words) < NEAR_DUPLICATE) continue;
      const { side, clear } = spunSide(a, b);
      const [spun, orig] = side === 'a' ? [i, j] : [j, i];
      // Its own spun copy beside it says more than how spun a text reads alone: a clearly plainer side is
      // the original. Otherwise two versions that both read as spun are two copies of a lost original.
      if (clear) roles[orig] = 'source';
      else if (roles[orig] === 'spin') continue;
      roles[spun] = 'spin';
      originals.set(spun, orig);
    }
  }
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
