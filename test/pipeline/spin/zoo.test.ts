import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAMILIES, spinWith, thesauriInstalled, type ZooSpun } from '../../../testkit/spin-zoo/index.js';
import { addMeaning } from '../../../testkit/spin-zoo/inject.js';
import { asSpun, goldOf } from '../../../testkit/spin-real/pairs.js';
import { rng } from '../../../testkit/spinner.js';

// The spinner zoo (testkit/spin-zoo/) is the yardstick of the spin benchmarks: its gold must describe its
// output exactly, or every figure built on it is wrong.

const TEXT =
  'The city council said on Monday that at least 49 people were hurt when the old bridge collapsed. ' +
  'Officials could not explain why the organization had not closed it, and the mayor, Maria Santos, ' +
  'promised an existing report would be published online. More than 200 residents and officials attended the meeting in Cebu.';

/** Putting each gold edit's original words back must give the original, byte for byte. */
function restoreGold(s: ZooSpun): string {
  let out = '';
  let at = 0;
  for (const e of [...s.edits].sort((a, b) => a.start - b.start)) {
    assert.equal(s.text.slice(e.start, e.end), e.text, `${s.family}: edit text at ${e.start}`);
    assert.ok(e.start >= at, `${s.family}: edits overlap`);
    out += s.text.slice(at, e.start) + e.original;
    at = e.end;
  }
  return out + s.text.slice(at);
}

test('every zoo family is seeded and its gold edits restore the original exactly', (t) => {
  for (const fam of FAMILIES) {
    if (fam.id.startsWith('thesaurus-') && !thesauriInstalled()) {
      t.diagnostic(`${fam.id} skipped: Debian thesauri not installed (bench/spin-zoo/setup.sh)`);
      continue;
    }
    const a = spinWith(fam, TEXT, 42, { rate: 0.5, meaningEdits: 2 });
    const b = spinWith(fam, TEXT, 42, { rate: 0.5, meaningEdits: 2 });
    assert.deepEqual(a, b, `${fam.id} is not deterministic`);
    assert.ok(
      a.edits.some((e) => e.kind === 'spin'),
      `${fam.id} changed nothing`,
    );
    assert.ok(
      a.edits.some((e) => e.kind === 'meaning'),
      `${fam.id}: no meaning edit`,
    );
    assert.notEqual(a.text, TEXT);
    assert.equal(restoreGold(a), TEXT, fam.id);
  }
});

test('meaning edits added to real spinner output keep the spinner gold in place', () => {
  const s = asSpun({
    id: 'x',
    split: 'tuning',
    tool: 't',
    url: 'u',
    original: TEXT,
    spun: TEXT.replace('collapsed', 'folded').replace('report', 'account'),
  });
  assert.deepEqual(
    s.edits.map((e) => [e.original, e.text]),
    [
      ['report', 'account'],
      ['collapsed', 'folded'],
    ].sort((x, y) => TEXT.indexOf(x[0] as string) - TEXT.indexOf(y[0] as string)),
  );
  const m = addMeaning(s, rng(3), 3);
  assert.equal(m.edits.filter((e) => e.kind === 'meaning').length, 3);
  // undo the meaning edits first (they were made on the spun text), then the spinner's
  const unMeaning: ZooSpun = { ...m, edits: m.edits.filter((e) => e.kind === 'meaning') };
  const spunAgain = restoreGold(unMeaning);
  assert.equal(spunAgain, s.text);
  for (const e of m.edits.filter((x) => x.kind === 'spin')) assert.equal(m.text.slice(e.start, e.end), e.text);
});

test('the word diff of a real pair gives one gold change per changed run, deletions included', () => {
  const g = goldOf('The quick brown fox jumps. It ran.', 'The speedy earthy colored fox gets around It ran.', 'real');
  assert.deepEqual(
    g.map((e) => [e.original, e.text]),
    [
      ['quick brown', 'speedy earthy colored'],
      ['jumps.', 'gets around'],
    ],
  );
});
