import { rng } from '../spinner.js';
import { compose, disjoint } from './compose.js';
import { meaningPieces } from './meaning.js';
import { namesFamily } from './names.js';
import { orderFamily } from './order.js';
import { phraseFamily } from './phrase.js';
import { spellingFamily } from './spelling.js';
import { aiksaurusFamily, mythesFamily } from './thesaurus.js';
import { wordnetFamily } from './wordnet.js';
import type { Family, ZooSpun } from './types.js';

// The spinner zoo: seeded generators of the families real spinners belong to, each giving the spun text
// and the gold list of changed spans with their original words. No network; the thesaurus families read
// Debian's thesauri from /usr/share (bench/spin-zoo/setup.sh installs them).

export type { Family, ZooEdit, ZooSpun, Piece } from './types.js';
export { MEANING_KINDS } from './meaning.js';
export { thesauriInstalled } from './thesaurus-files.js';

export const FAMILIES: readonly Family[] = [
  wordnetFamily,
  mythesFamily,
  aiksaurusFamily,
  phraseFamily,
  spellingFamily,
  namesFamily,
  orderFamily,
];

export interface ZooOptions {
  /** share of eligible words the spinner tries (0.15–0.5 in real tools) */
  rate: number;
  /** meaning edits injected on words the spinner did not touch */
  meaningEdits: number;
}

/** One family's spin of a text, seeded: the same (family, text, seed, options) always give the same output. */
export function spinWith(family: Family, original: string, seed: number, opts: ZooOptions): ZooSpun {
  const r = rng(seed);
  const spin = family.pieces(original, r, { rate: opts.rate });
  const meaning = opts.meaningEdits > 0 ? disjoint(spin, meaningPieces(original, r, opts.meaningEdits)) : [];
  return compose(family.id, original, [...spin, ...meaning]);
}

export function familyById(id: string): Family {
  const f = FAMILIES.find((x) => x.id === id);
  if (!f) throw new Error(`unknown spinner family ${id} (known: ${FAMILIES.map((x) => x.id).join(', ')})`);
  return f;
}
