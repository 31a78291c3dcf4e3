import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLang, normalizeLang } from '../../../server/lang/langid.js';
import { segmentDoc, segmentText } from '../../../server/pipeline/segment/index.js';

test('sentences are told apart as Tagalog, English or other', () => {
  const cases: [string, 'tl' | 'en' | 'other' | null][] = [
    [
      'Sinabi ng isang kinatawan para sa Kremlin sa RIA Novosti na kasama rin sa pagpupulong ang palitan ng pananaw.',
      'tl',
    ],
    ['Bumalik para sa mga update.', 'tl'],
    ['Putin was referring to international sanctions against the Asian country.', 'en'],
    ['WASHINGTON: Russian President Vladimir Putin arrived in North Korea on Wednesday morning.', 'en'],
    ['El presidente ruso recibió al líder norcoreano en el cosmódromo de Vostochny este miércoles.', 'other'],
    ['Президент России Владимир Путин встретился с Ким Чен Ыном.', 'other'],
    // a stray "a" or "para" in another language does not make it English or Tagalog
    ['El presidente ruso recibió a Kim Jong Un y le dijo a la prensa que no habrá acuerdo de armas.', 'other'],
    ['Il presidente russo ha accolto Kim Jong Un a Vostochny e i due leader hanno parlato per ore.', 'other'],
    [
      'Presiden Rusia Vladimir Putin menyambut pemimpin Korea Utara Kim Jong Un di kosmodrom Vostochny pada hari Rabu.',
      'other',
    ],
    // too little to tell: the caller uses the document's language
    ['Kim Jong Un and Vladimir Putin', null],
    ['Source: Biobiochile', null],
    ['9.9 C', null],
    ['Talks ended at 3 p.m. Monday.', null],
  ];
  for (const [text, want] of cases) assert.equal(detectLang(text), want, text);
});

test('short and name-only lines take the document language', () => {
  const tl = segmentText(
    'Nagkita ang dalawang pinuno sa Vostochny cosmodrome para sa isang bihirang pagpupulong.\n\nKim Jong Un at Vladimir Putin\n\nSource: Biobiochile',
  );
  assert.deepEqual(
    tl.map((s) => s.lang),
    ['tl', 'tl', 'tl'],
  );
  const en = segmentText(
    'The two leaders met at the Vostochny cosmodrome for a rare meeting.\n\nKim Jong Un and Vladimir Putin',
  );
  assert.deepEqual(
    en.map((s) => s.lang),
    ['en', 'en'],
  );
});

test('a mixed document keeps each sentence in its language; the document takes the dominant one', () => {
  const doc = segmentDoc({
    path: 'mixed.txt',
    url: null,
    title: null,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: null,
    text: 'Sinabi ni Putin na masaya siyang makita si Kim sa Rusya ngayong araw.\n\nAyon sa ulat, nagpalipad ang North Korea ng dalawang missile.\n\nThe White House said it was watching the meeting.',
  });
  assert.equal(doc.lang, 'tl');
  assert.deepEqual(
    doc.segments.map((s) => s.lang),
    ['tl', 'tl', 'en'],
  );
});

test('a declared language (JSONL "lang") wins for the document and for lines too short to tell', () => {
  const doc = segmentDoc({
    path: 'r.jsonl#L1',
    url: null,
    title: null,
    format: 'jsonl',
    encoding: 'utf-8',
    declaredLang: 'fil',
    text: 'Kim Jong Un at Vladimir Putin',
  });
  assert.equal(doc.lang, 'tl');
  assert.equal(doc.segments[0]?.lang, 'tl');
  assert.equal(normalizeLang('en-US'), 'en');
  assert.equal(normalizeLang('es'), 'other');
  assert.equal(normalizeLang('not a language'), null);
});
