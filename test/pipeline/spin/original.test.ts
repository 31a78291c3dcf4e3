import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectSpin, restore } from '../../../server/pipeline/detect/spin/index.js';
import { classifyChange } from '../../../server/pipeline/detect/spin/classify.js';
import { PARALLEL } from '../../helpers/paths.js';
import { rng, spinText } from '../../../testkit/spinner.js';
import { asSpun, readPairs } from '../../../testkit/spin-real/pairs.js';
import { addMeaning } from '../../../testkit/spin-zoo/inject.js';

test('changes are classified: a change is meaning only when it changes a claim (issue #17)', () => {
  const spin: [string, string, string?][] = [
    ['midget', 'tiny'],
    ['taking part', 'participating'],
    ['goes to', 'visits'],
    ['press conventions', 'press conferences'],
    ['most eminent', 'highest'],
    ['one thousand million', 'billion'],
    ['2', 'two'],
    ['satellite tv for pc', 'satellite'],
    ['notified', 'advised'],
    // real spinner changes the old classifier called meaning
    ['might', 'could'],
    ['off-line', 'offline'],
    ['current', 'existing'],
    ['whirl', 'rewrite'],
    ['', '.'],
    ['organisation', 'organization'],
    ['around', 'about', ' 40 people'],
    // a sense-blind spinner's swaps of names for common words are its trace, not new names
    ['bowler', 'Derby'],
    ['Wc Influence', 'John Trump'],
    ['In Accord Circumstances', 'United States'],
    // was 'meaning' before issue #17: a common-noun swap changes no number, date, name, negation or quantity,
    // and a thesaurus spinner makes such swaps ("tuberculosis" → "silicosis") as often as synonyms
    ['cat', 'dog'],
  ];
  for (const [a, b, after] of spin) assert.equal(classifyChange(a, b, { after }).kind, 'spin', `${a} ← ${b}`);
  const meaning: [string, string, string?][] = [
    ['25', '24'],
    ['is not', 'is'],
    ['never', 'always'],
    ['Garcia', 'Medicine'],
    ['104 countries', '102 countries'],
    ['', 'at least ', '49 people'],
    ['less', 'more', ' than 10 people'],
    ['fell', 'rose'],
    ['South', 'North'],
    ['Saturday', 'Monday'],
    ['Larsen', 'Gaal'],
    ['Manila', 'Oslo'],
  ];
  for (const [a, b, after] of meaning) assert.equal(classifyChange(a, b, { after }).kind, 'meaning', `${a} ← ${b}`);
});

test('with the original: spans, kinds and suggestions; restoring reproduces the original exactly', () => {
  const original = 'Putin made his first visit in 24 years. He said the two nations will sign a new deal.';
  const spun = 'Putin made his first sojourn in 25 years. He aforesaid the 2 nations will not sign a new deal.';
  const f = detectSpin(spun, { original });
  const byText = Object.fromEntries(f.map((x) => [x.text.trim(), x]));
  assert.equal(byText.sojourn?.kind, 'spin');
  assert.equal(byText.sojourn?.suggestion, 'visit');
  assert.equal(byText['25']?.kind, 'meaning');
  assert.equal(byText['2']?.kind, 'spin');
  assert.ok(f.some((x) => x.kind === 'meaning' && x.text.includes('not')));
  for (const x of f) assert.equal(spun.slice(x.start, x.end), x.text);
  assert.equal(restore(spun, f), original);
  assert.deepEqual(detectSpin(original, { original }), []);
});

test('generated spins of FLORES documents restore exactly and are mostly judged right', () => {
  const lines = readFileSync(join(PARALLEL, 'flores200-dev.en'), 'utf8').split('\n');
  let edits = 0;
  let right = 0;
  for (let k = 0; k < 20; k++) {
    const original = lines.slice(k * 4, k * 4 + 4).join(' ');
    const s = spinText(original, 500 + k, { rate: 0.25, meaningEdits: k % 2 });
    const f = detectSpin(s.text, { original });
    assert.equal(restore(s.text, f), original, `doc ${k}`);
    for (const g of s.edits) {
      edits++;
      const p = f.find((x) => x.start < Math.max(g.end, g.start + 1) && g.start < Math.max(x.end, x.start + 1));
      if (p && p.kind === g.kind) right++;
    }
  }
  assert.ok(edits > 50);
  assert.ok(right / edits >= 0.9, `${right}/${edits}`);
});

test('real spinner output (the tuning pairs of bench/spin-real): spinner changes are spin, injected facts meaning, restoration exact', () => {
  const pairs = readPairs().filter((p) => p.split === 'tuning');
  assert.ok(pairs.length >= 4);
  let changes = 0;
  let spinOk = 0;
  let facts = 0;
  let factsOk = 0;
  pairs.forEach((p, k) => {
    const s = asSpun(p);
    const f = detectSpin(s.text, { original: s.original });
    assert.equal(restore(s.text, f), s.original, p.id);
    for (const g of s.edits) {
      changes++;
      const over = f.filter((x) => x.start < Math.max(g.end, g.start + 1) && g.start < Math.max(x.end, x.start + 1));
      if (over.length && over.every((x) => x.kind === 'spin')) spinOk++;
    }
    // the same output with a number, a date, a name or a negation changed on words the spinner left alone
    const m = addMeaning(s, rng(70 + k), 2);
    const fm = detectSpin(m.text, { original: m.original });
    assert.equal(restore(m.text, fm), m.original, `${p.id} with meaning edits`);
    for (const g of m.edits.filter((e) => e.kind === 'meaning')) {
      facts++;
      if (
        fm.some(
          (x) =>
            x.kind === 'meaning' &&
            x.start - 2 < Math.max(g.end, g.start + 1) &&
            g.start - 2 < Math.max(x.end, x.start + 1),
        )
      )
        factsOk++;
    }
  });
  assert.ok(changes >= 20 && facts >= 4, `${changes} changes, ${facts} facts`);
  assert.ok(spinOk / changes >= 0.95, `spin ${spinOk}/${changes}`);
  assert.ok(factsOk / facts >= 0.9, `meaning ${factsOk}/${facts}`);
});

test('with the original: words moved are spin, a name or a negation changed beside a move is meaning', () => {
  const moved = detectSpin('Putin and Kim met on Wednesday; the deal covers 300 drones and 24 tanks.', {
    original: 'Kim and Putin met on Wednesday; the deal covers 24 tanks and 300 drones.',
  });
  assert.ok(moved.length >= 2);
  assert.deepEqual(
    moved.filter((f) => f.kind === 'meaning'),
    [],
  );
  const changed = detectSpin('Putin and Smith met on Wednesday. The plant is not open.', {
    original: 'Kim and Putin met on Wednesday. The plant is open.',
  });
  assert.ok(
    changed.some((f) => f.kind === 'meaning' && f.text.includes('Smith')),
    JSON.stringify(changed),
  );
  assert.ok(
    changed.some((f) => f.kind === 'meaning' && f.text.includes('not')),
    JSON.stringify(changed),
  );
  // a "not" added in one sentence and another dropped in the next are two changes, not one move
  const two = detectSpin('The plant is not open. The mine is open.', {
    original: 'The plant is open. The mine is not open.',
  });
  assert.equal(two.filter((f) => f.kind === 'meaning').length, 2, JSON.stringify(two));
});
