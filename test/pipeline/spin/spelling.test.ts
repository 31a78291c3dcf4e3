import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spellingFindings } from '../../../server/pipeline/detect/spin/spelling.js';
import { detectSpin } from '../../../server/pipeline/detect/spin/index.js';
import { seed } from '../../helpers/paths.js';

// Spelling and punctuation variants a spinner leaves (spin-spelling): a dropped full stop, "&" for "and",
// "on-line", an s/z form no one writes. No document gate: each holds in a short text.

const found = (text: string): [string, string | null][] => spellingFindings(text).map((f) => [f.text, f.suggestion]);

test('a full stop dropped between two sentences is flagged on the word before the gap, with the stop restored', () => {
  // a capitalised word before the gap may be a name that runs on ("visited Monday He"): passed over
  assert.deepEqual(found('The minister visited the flooded towns on Monday He said the army would help.'), []);
  const spun = 'The minister visited the flooded towns on the coast He said the army would help.';
  assert.deepEqual(found(spun), [['coast', 'coast.']]);
  // the whole spin pass shows it in a text the document gate never opens on
  assert.ok(detectSpin(spun).some((x) => x.detector === 'spin-spelling' && x.text === 'coast'));
});

test('titles, names and short headings run into a sentence are not taken for a dropped stop', () => {
  assert.deepEqual(found('The report was first published by The New York Times on Monday.'), []);
  assert.deepEqual(found('Flood relief The army arrived in the town on Monday.'), [], 'a heading of two words');
  assert.deepEqual(found('He said it was over. The team left.'), []);
});

test('a long paragraph ending with no stop before the next one is flagged; a heading is not', () => {
  const para = 'The council met for three hours. It voted to close the old bridge to all traffic until the repairs end';
  assert.deepEqual(found(`${para}\n\nThe work starts in May.`), [['end', 'end.']]);
  assert.deepEqual(found('Bridge to close\n\nThe council voted to close the old bridge.'), []);
});

test('"&" between lowercase words, hyphenated closed words and unused s/z forms are flagged with the usual form', () => {
  assert.deepEqual(found('Prices rose & wages fell, the on-line shop said.'), [
    ['&', 'and'],
    ['on-line', 'online'],
  ]);
  assert.deepEqual(found('They plan to advertize the sale.'), [['advertize', 'advertise']]);
  // names keep their "&", both spellings in use are left alone, and so is a capitalised name
  assert.deepEqual(
    found('Johnson & Johnson will organise and realize its plans; the e-mail said AT&T agreed. On-Line Ltd'),
    [],
  );
});

test('no flag on the clean sample articles (real news)', () => {
  for (const p of ['001', '002', '004']) assert.deepEqual(found(readFileSync(seed(p), 'utf8')), [], p);
});
