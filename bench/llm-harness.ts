import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './paths.js';

// A corrupted-pair set for the judge benchmark: FLORES-200 dev tl→en pairs whose English side is
// corrupted by a seeded generator (number change, negation, entity swap, truncation), with clean pairs
// left in to measure precision. Deterministic for a given seed.

export type Corruption = 'clean' | 'number' | 'negation' | 'entity' | 'truncation';
export interface HarnessPair {
  src: string; // Tagalog
  tgt: string; // English, possibly corrupted
  kind: Corruption;
}

export { mulberry32 } from '../testkit/rng.js';
import { mulberry32 } from '../testkit/rng.js';

const AUX = /\b(is|was|are|were|will|can|could|would|should|has|have|had|does|did|do|must|may)\b/;

function corrupt(kind: Corruption, en: string, names: string[], rnd: () => number): string | null {
  switch (kind) {
    case 'clean':
      return en;
    case 'number': {
      const m = /\d+/.exec(en);
      if (!m) return null;
      const n = Number(m[0]) + 1 + Math.floor(rnd() * 8);
      return en.slice(0, m.index) + String(n) + en.slice(m.index + m[0].length);
    }
    case 'negation': {
      if (/\bnot\b/.test(en)) return en.replace(/\s+not\b/, '');
      const m = AUX.exec(en);
      return m ? `${en.slice(0, m.index + m[0].length)} not${en.slice(m.index + m[0].length)}` : null;
    }
    case 'entity': {
      const own = [...en.matchAll(/(?<=\s)[A-Z][a-z]{2,}/g)];
      const pick = own[Math.floor(rnd() * own.length)];
      const others = names.filter((n) => !en.includes(n));
      if (!pick || !others.length) return null;
      const other = others[Math.floor(rnd() * others.length)]!;
      return en.slice(0, pick.index) + other + en.slice(pick.index! + pick[0].length);
    }
    case 'truncation': {
      const words = en.split(' ');
      if (words.length < 8) return null;
      return words.slice(0, Math.ceil(words.length * 0.55)).join(' ');
    }
  }
}

export function corruptedPairs(n: number, seed = 7): HarnessPair[] {
  const dir = join(SHARED, 'data', 'parallel');
  const tl = readFileSync(join(dir, 'flores200-dev.tl'), 'utf8').split('\n');
  const en = readFileSync(join(dir, 'flores200-dev.en'), 'utf8').split('\n');
  const rnd = mulberry32(seed);
  const names = [...new Set(en.flatMap((s) => [...s.matchAll(/(?<=\s)[A-Z][a-z]{3,}/g)].map((m) => m[0])))];
  // Quotas keep the mix even: a third clean, the rest split over the four corruptions; each sentence gets a
  // random kind among those that apply to it and are not yet full.
  const quota: Record<Corruption, number> = {
    clean: Math.round(n / 3),
    number: 0,
    negation: 0,
    entity: 0,
    truncation: 0,
  };
  const rest = n - quota.clean;
  (['number', 'negation', 'entity', 'truncation'] as const).forEach(
    (k, i) => (quota[k] = Math.floor(rest / 4) + (i < rest % 4 ? 1 : 0)),
  );
  const out: HarnessPair[] = [];
  const order = en.map((_, i) => i).filter((i) => en[i]!.trim() && tl[i]!.trim());
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const i of order) {
    if (out.length >= n) break;
    const options = (Object.keys(quota) as Corruption[])
      .filter((k) => quota[k] > 0)
      .map((kind) => ({ kind, tgt: corrupt(kind, en[i]!.trim(), names, rnd) }))
      .filter((o): o is { kind: Corruption; tgt: string } => o.tgt !== null);
    const pick = options[Math.floor(rnd() * options.length)];
    if (!pick) continue;
    quota[pick.kind]--;
    out.push({ src: tl[i]!.trim(), tgt: pick.tgt, kind: pick.kind });
  }
  return out;
}
