import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOILERPLATE_RULES, boilerplateReason } from '../../../server/pipeline/segment/boilerplate.js';
import { segmentText, segmentWithContext } from '../../../server/pipeline/segment/index.js';

test('every boilerplate rule matches its junk examples and none of its real ones', () => {
  let checked = 0;
  for (const rule of BOILERPLATE_RULES) {
    for (const junk of rule.examples.junk) {
      assert.equal(
        boilerplateReason(junk, { wholeParagraph: true }),
        rule.reason,
        `${rule.reason} should match ${JSON.stringify(junk)}`,
      );
      checked++;
    }
    for (const real of rule.examples.real) {
      assert.equal(boilerplateReason(real, { wholeParagraph: true }), false, `${JSON.stringify(real)} is real text`);
      checked++;
    }
  }
  assert.ok(checked > 40);
});

test('real sentences that mention junk words are never boilerplate', () => {
  for (const s of [
    'The source said the talks would resume on Monday.',
    'According to sources, Kim arrived by armored train.',
    'Readers were asked to subscribe to a new state newspaper, officials said.',
    'Temperatures fell to 9.9 C overnight in Vladivostok, forecasters said.',
    'He shared the photo on Facebook and Twitter after the meeting.',
    'Nag-iwan siya ng komento sa pulong, ayon sa ulat.',
    'Kim Jong Un and Vladimir Putin',
  ]) {
    assert.equal(boilerplateReason(s, { wholeParagraph: true }), false, s);
  }
});

test('a repeated headline is a duplicate title; the first one and near-duplicates are not', () => {
  const text =
    'Putin greets Kim in Russia\n\nPutin met Kim on Wednesday.\n\nPUTIN  greets kim in Russia\n\nPutin greeted Kim in Russia';
  const r = segmentWithContext(text);
  assert.equal(r.title, 'Putin greets Kim in Russia');
  assert.deepEqual(
    r.segments.map((s) => s.boilerplate),
    [false, false, 'duplicate-title', false],
  );
});

test('a title given by the record (HTML/JSONL) is recognised when the body repeats it twice', () => {
  const r = segmentWithContext('Putin greets Kim\n\nThe two met.\n\nPutin greets Kim', { title: 'Putin greets Kim' });
  assert.deepEqual(
    r.segments.map((s) => s.boilerplate),
    [false, false, 'duplicate-title'],
  );
});

test('junk inside a paragraph is marked sentence by sentence', () => {
  const segs = segmentText(
    'The Associated Press contributed to this report. Check back for updates.\n\nSubscribe to our magazine',
  );
  assert.deepEqual(
    segs.map((s) => s.boilerplate),
    ['credit', 'check-back', 'subscribe'],
  );
});
