import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../paths.js';
import { parseLinks, type Link } from './score.js';

// The hand-made seed gold (test/fixtures/align): links only; every sentence not in a link is a null link.
export const SEED_FIXTURES = join(REPO, 'test', 'fixtures', 'align');
export const SEED_PAIRS = ['001', '002', '004'] as const;

export const seedSentences = (id: string): string[] =>
  readFileSync(join(SEED_FIXTURES, `seed-${id}.txt`), 'utf8')
    .replace(/\n$/, '')
    .split('\n');

/** The gold of seed 000 against `en`, with null links filled in, in order. */
export function seedGold(en: string): Link[] {
  const links = parseLinks(readFileSync(join(SEED_FIXTURES, `gold-000-${en}.txt`), 'utf8'));
  const n = seedSentences('000').length;
  const m = seedSentences(en).length;
  const out: Link[] = [];
  let i = 0;
  let j = 0;
  for (const [s, t] of [...links, [[n], [m]] as Link]) {
    const si = s[0] ?? n;
    const tj = t[0] ?? m;
    while (i < si) out.push([[i++], []]);
    while (j < tj) out.push([[], [j++]]);
    if (si === n && tj === m) break;
    out.push([s, t]);
    i = (s[s.length - 1] ?? i - 1) + 1;
    j = (t[t.length - 1] ?? j - 1) + 1;
  }
  return out;
}
