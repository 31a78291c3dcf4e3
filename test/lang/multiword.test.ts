import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLemmaIndex, POS_LIST, type Pos } from '../../server/lang/wordnet/files.js';
import { mayBeMultiword, mayBeMultiwordWords } from '../../server/lang/wordnet/index.js';
import { mayBeCollocation } from '../../server/lang/wordnet/morphy.js';
import { SEEDS } from '../helpers/paths.js';

// mayBeMultiwordWords answers two- and three-word spans from word sets instead of "n|words" keys: it must
// agree with the key rule (the fixed words of some multiword lemma of some part of speech) on every span.

const keyOf = (parts: string[], pos: Pos): string =>
  `${parts.length}|${(pos === 'v' ? parts.slice(1) : parts.slice(0, -1)).join('_')}`;

test('two- and three-word spans of real text: the word sets agree with the fixed-word keys', () => {
  const keys = new Map<Pos, Set<string>>(
    POS_LIST.map((p) => [
      p,
      new Set([...getLemmaIndex().keysOf(p)].filter((l) => l.includes('_')).map((l) => keyOf(l.split('_'), p))),
    ]),
  );
  const byKey = (parts: string[]) => POS_LIST.some((p) => keys.get(p)!.has(keyOf(parts, p)));
  const text = readdirSync(SEEDS)
    .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
    .join(' ');
  const words: string[] = [
    ...(text.toLowerCase().match(/[a-z]+/g) ?? []),
    ...'took part in the press conference goes to cut off in spite of'.split(' '),
  ];
  let yes = 0;
  let spans = 0;
  for (let i = 0; i + 4 <= words.length; i++) {
    for (const n of [2, 3, 4]) {
      const parts = words.slice(i, i + n);
      for (const p of POS_LIST)
        assert.equal(mayBeCollocation(parts, p), keys.get(p)!.has(keyOf(parts, p)), `${parts.join(' ')} (${p})`);
      const expected = byKey(parts);
      assert.equal(mayBeMultiwordWords(parts), expected, parts.join(' '));
      assert.equal(mayBeMultiword(parts.join(' ')), expected, parts.join(' '));
      spans++;
      if (expected) yes++;
    }
  }
  assert.ok(spans > 4000 && yes > 100 && yes < spans / 2, `${yes} of ${spans} spans may be collocations`);
  assert.ok(
    mayBeMultiwordWords(['took', 'part']) &&
      mayBeMultiwordWords(['press', 'conferences']) &&
      mayBeMultiwordWords(['cut', 'off']),
  );
  assert.ok(!mayBeMultiwordWords(['xqzv', 'visit']) && !mayBeMultiwordWords(['visit', 'xqzv', 'xqzv']));
  assert.ok(mayBeMultiword('visit') && mayBeMultiword('Visit'), 'one word is always let through');
});
