import type { Link } from '../../testkit/align/score.js';

// Seeded perturbation of a parallel document into a comparable-looking pair, with its gold alignment:
// ~10% of sentences deleted on one side or the other, some adjacent sentences merged on one side,
// and scrape-junk lines inserted on both sides.

export { mulberry32 as rng } from '../../testkit/rng.js';
import { mulberry32 as rng } from '../../testkit/rng.js';

const JUNK_EN = [
  'Subscribe to our newsletter',
  'Please enter your comment!',
  'Share this article',
  'Advertisement',
  'Read more:',
  'Source link',
  'Click here to follow us on Facebook',
];
const JUNK_TL = [
  'Mag-subscribe sa aming newsletter',
  'Ibahagi ang artikulong ito',
  'Advertisement',
  'Basahin din:',
  'I-follow kami sa Facebook',
];

export interface PerturbedDoc {
  src: string[];
  tgt: string[];
  srcJunk: boolean[];
  tgtJunk: boolean[];
  gold: Link[];
}

export interface PerturbRates {
  delete: number;
  merge: number;
  junk: number;
}
export const DEFAULT_RATES: PerturbRates = { delete: 0.1, merge: 0.08, junk: 0.08 };

export function perturb(
  srcPar: string[],
  tgtPar: string[],
  seed: number,
  rates: PerturbRates = DEFAULT_RATES,
): PerturbedDoc {
  const r = rng(seed);
  const out: PerturbedDoc = { src: [], tgt: [], srcJunk: [], tgtJunk: [], gold: [] };
  const push = (side: 'src' | 'tgt', text: string, junk: boolean): number => {
    out[side].push(text);
    out[side === 'src' ? 'srcJunk' : 'tgtJunk'].push(junk);
    return out[side].length - 1;
  };
  const junk = (): void => {
    if (r() < rates.junk) {
      const onSrc = r() < 0.5;
      const list = onSrc ? JUNK_TL : JUNK_EN;
      const i = push(onSrc ? 'src' : 'tgt', list[Math.floor(r() * list.length)] ?? 'Advertisement', true);
      out.gold.push(onSrc ? [[i], []] : [[], [i]]);
    }
  };
  for (let k = 0; k < srcPar.length; k++) {
    junk();
    const s = srcPar[k] ?? '';
    const t = tgtPar[k] ?? '';
    const x = r();
    if (x < rates.delete) {
      if (r() < 0.5) out.gold.push([[push('src', s, false)], []]);
      else out.gold.push([[], [push('tgt', t, false)]]);
    } else if (x < rates.delete + rates.merge && k + 1 < srcPar.length) {
      // Merge k and k+1 on one side: a 2-1 or 1-2 link.
      const s2 = srcPar[k + 1] ?? '';
      const t2 = tgtPar[k + 1] ?? '';
      if (r() < 0.5) {
        const i = push('src', `${s} ${s2}`, false);
        const j1 = push('tgt', t, false);
        const j2 = push('tgt', t2, false);
        out.gold.push([[i], [j1, j2]]);
      } else {
        const i1 = push('src', s, false);
        const i2 = push('src', s2, false);
        out.gold.push([[i1, i2], [push('tgt', `${t} ${t2}`, false)]]);
      }
      k++;
    } else {
      const i = push('src', s, false);
      out.gold.push([[i], [push('tgt', t, false)]]);
    }
  }
  junk();
  return out;
}
