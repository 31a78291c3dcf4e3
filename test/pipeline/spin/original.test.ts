import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectSpin, restore } from '../../../server/pipeline/detect/spin/index.js';
import { classifyChange } from '../../../server/pipeline/detect/spin/classify.js';
import { SHARED } from '../../helpers/paths.js';
import { spinText } from './spinner.js';

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
  const lines = readFileSync(join(SHARED, 'data', 'parallel', 'flores200-dev.en'), 'utf8').split('\n');
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
