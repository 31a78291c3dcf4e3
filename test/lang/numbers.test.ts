import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractNumbers } from '../../server/lang/numbers.js';
import { enNumberWord, enStem } from '../../server/lang/text-norm.js';
import { extractCalendar } from '../../server/lang/calendar.js';

const vals = (text: string, lang: 'tl' | 'en') => extractNumbers(text, lang).map((n) => [n.raw, n.value, n.kind]);

test('digits: thousands, decimals, money, percent, years, ordinals, times', () => {
  assert.deepEqual(vals('He paid $1,200.50 for 3 books in 2023; 45% of 2.5 million; the 21st at 10:30.', 'en'), [
    ['$1,200.50', 1200.5, 'money'],
    ['3', 3, 'cardinal'],
    ['2023', 2023, 'year'],
    ['45%', 45, 'percent'],
    ['2.5 million', 2_500_000, 'cardinal'],
    ['21st', 21, 'ordinal'],
    ['10:30', 630, 'time'],
  ]);
});

test('English number words compose', () => {
  assert.deepEqual(
    vals('Twenty-one men, one hundred and five dogs, two thousand five hundred cats, the fifth day', 'en'),
    [
      ['Twenty-one', 21, 'cardinal'],
      ['one hundred and five', 105, 'cardinal'],
      ['two thousand five hundred', 2500, 'cardinal'],
      ['fifth', 5, 'ordinal'],
    ],
  );
});

test("Tagalog number words: ligatures, 't, scale words, ika- ordinals, porsiyento", () => {
  assert.deepEqual(
    vals(
      "Dalawampu't isang tao, dalawang daan, limang libo't dalawang daan, ika-5 at ikalima, 30 porsiyento, ₱500",
      'tl',
    ),
    [
      ["Dalawampu't isang", 21, 'cardinal'],
      ['dalawang daan', 200, 'cardinal'],
      ["limang libo't dalawang daan", 5200, 'cardinal'],
      ['ika-5', 5, 'ordinal'],
      ['ikalima', 5, 'ordinal'],
      ['30 porsiyento', 30, 'percent'],
      ['₱500', 500, 'money'],
    ],
  );
  assert.deepEqual(vals('isang daan at lima; labing-isa; apat na libo; dalawa tatlo', 'tl'), [
    ['isang daan at lima', 105, 'cardinal'],
    ['labing-isa', 11, 'cardinal'],
    ['apat na libo', 4000, 'cardinal'],
    ['dalawa', 2, 'cardinal'],
    ['tatlo', 3, 'cardinal'],
  ]);
});

test('"daan" (road) and "wala" (none) are not numbers; offsets point at the raw text', () => {
  const text = 'Wala sa daan ang 12 tao.';
  const ns = extractNumbers(text, 'tl');
  assert.deepEqual(
    ns.map((n) => n.value),
    [12],
  );
  assert.equal(text.slice(ns[0]!.start, ns[0]!.end), '12');
});

test('months and weekdays map to shared keys across languages', () => {
  assert.deepEqual(
    extractCalendar('Noong Setyembre 13, Miyerkules', 'tl').map((c) => c.key),
    ['month:9', 'weekday:wed'],
  );
  assert.deepEqual(
    extractCalendar('On Wednesday, Sept. 13 they may meet; May 5', 'en').map((c) => c.key),
    ['weekday:wed', 'month:9', 'month:5'],
  );
});

test('digits glued to a name are labels; "una" is the ordinal first; Tagalog month abbreviations; May as a month', () => {
  assert.deepEqual(vals('COVID-19 and the Il-76 carried 40 people', 'en'), [
    ['19', 19, 'label'],
    ['76', 76, 'label'],
    ['40', 40, 'cardinal'],
  ]);
  assert.deepEqual(vals('ang unang araw', 'tl'), [['unang', 1, 'ordinal']]);
  assert.deepEqual(
    extractCalendar('makukuha sa 1 Ene. at sa Mayo', 'tl').map((c) => c.key),
    ['month:1', 'month:5'],
  );
  // Sentence-initial "May" may be the modal: kept, but optional (it counts only if the other side has May too).
  assert.deepEqual(
    extractCalendar('It opens in May. May I come?', 'en').map((c) => [c.key, c.optional ?? false]),
    [
      ['month:5', false],
      ['month:5', true],
    ],
  );
});

test('words that name a property of every object are words ("constructor", "__proto__", "toString")', () => {
  const found = extractNumbers(
    'The bridge had 5 constructor teams, 2 __proto__ entries and 7 toString calls in May.',
    'en',
  );
  assert.deepEqual(
    found.map((n) => [n.value, n.raw]),
    [
      [5, '5'],
      [2, '2'],
      [7, '7'],
    ],
  );
  assert.equal(enStem('constructor'), 'constructor');
  assert.equal(enNumberWord('constructor'), null);
  assert.equal(enNumberWord('__proto__'), null);
});

test('Tagalog teens in every spelling, with linkers; pang- ordinals; pangalan is not a number', () => {
  assert.deepEqual(
    vals(
      'Labingpitong tao, labimpitong bahay, labinlimang araw, ikalabimpito, pangalawa, pang-apat, panlima, pangalan, pansin',
      'tl',
    ),
    [
      ['Labingpitong', 17, 'cardinal'],
      ['labimpitong', 17, 'cardinal'],
      ['labinlimang', 15, 'cardinal'],
      ['ikalabimpito', 17, 'ordinal'],
      ['pangalawa', 2, 'ordinal'],
      ['pang-apat', 4, 'ordinal'],
      ['panlima', 5, 'ordinal'],
    ],
  );
});

test('clock times on a 12-hour dial: ala-6, alas-singko y medya, ika-9 ng umaga, 9 a.m., 21:00', () => {
  assert.deepEqual(vals('ala-6, alas-singko y medya, ika-9 ng gabi, 2 ng hapon, ala-una', 'tl'), [
    ['ala-6', 360, 'time'],
    ['alas-singko y medya', 330, 'time'],
    ['ika-9 ng gabi', 540, 'time'],
    ['2 ng hapon', 120, 'time'],
    ['ala-una', 60, 'time'],
  ]);
  assert.deepEqual(vals("at 9 a.m., 6pm, 21:00 and 7 o'clock", 'en'), [
    ['9 a.m', 540, 'time'],
    ['6pm', 360, 'time'],
    ['21:00', 540, 'time'],
    ["7 o'clock", 420, 'time'],
  ]);
});

test('quantity qualifiers: at least / hindi bababa sa, more than / mahigit, fewer than / wala pang, about / mga', () => {
  const q = (text: string, lang: 'tl' | 'en') => extractNumbers(text, lang).map((n) => [n.value, n.qualifier]);
  assert.deepEqual(q('at least 49, more than 20, fewer than 5, about 7, 8', 'en'), [
    [49, 'up'],
    [20, 'up'],
    [5, 'down'],
    [7, 'approx'],
    [8, null],
  ]);
  assert.deepEqual(q('hindi bababa sa 49, mahigit 20, wala pang 5, mga 7, 8, 29 hanggang 37', 'tl'), [
    [49, 'up'],
    [20, 'up'],
    [5, 'down'],
    [7, 'approx'],
    [8, null],
    [29, null],
    [37, null],
  ]);
});

test('Linggo is Sunday after noong/tuwing or mid-sentence, optional at a sentence start (it may be "week")', () => {
  const cal = (text: string) => extractCalendar(text, 'tl').map((c) => [c.key, c.optional ?? false]);
  assert.deepEqual(cal('Dumating sila noong Linggo.'), [['weekday:sun', false]]);
  assert.deepEqual(cal('Linggo ang pinakamalala.'), [['weekday:sun', true]]);
  assert.deepEqual(cal('Noong Junio at Septiembre, Miyerkoles'), [
    ['month:6', false],
    ['month:9', false],
    ['weekday:wed', false],
  ]);
});
