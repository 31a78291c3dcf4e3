import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectSpin, restore } from '../../../server/pipeline/detect/spin/index.js';

// Whatever the two texts, replacing each finding's span by its suggestion gives the original back exactly,
// and every finding's text is the slice it names.

const word = fc.constantFrom(
  'visit',
  'go to',
  'the',
  'tiny',
  'midget',
  'not',
  '24',
  'two',
  '2',
  'Putin',
  'said',
  'aforesaid',
  'U.S.',
  'war',
  'battle',
  'é',
  'naïve',
  '—',
  ',',
  '.',
  '“',
  '”',
  "isn't",
  'co-op',
  '1,000',
  'niño',
);
const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '', '\u00a0');
const text = fc.array(fc.tuple(word, sep), { maxLength: 40 }).map((xs) => xs.map(([w, s]) => w + s).join(''));

test('restoring the suggestions reproduces the original exactly (property)', () => {
  fc.assert(
    fc.property(text, text, (original, spun) => {
      const f = detectSpin(spun, { original });
      for (const x of f) assert.equal(spun.slice(x.start, x.end), x.text);
      for (let i = 1; i < f.length; i++)
        assert.ok((f[i - 1]?.end ?? 0) <= (f[i]?.start ?? 0), 'findings do not overlap');
      assert.equal(restore(spun, f), original);
    }),
    { numRuns: 400, seed: 6 },
  );
});

test('a text against itself has no findings; edits of one word are found at that word (property)', () => {
  fc.assert(
    fc.property(text, fc.nat(), word, (original, at, w) => {
      assert.deepEqual(detectSpin(original, { original }), []);
      const words = original.split(' ');
      if (words.length < 2) return;
      const k = at % words.length;
      const spun = [...words.slice(0, k), w, ...words.slice(k + 1)].join(' ');
      assert.equal(restore(spun, detectSpin(spun, { original })), original);
    }),
    { numRuns: 300, seed: 7 },
  );
});
