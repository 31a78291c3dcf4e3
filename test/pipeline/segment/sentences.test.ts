import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from '../../../server/pipeline/segment/index.js';

const sentences = (text: string): string[] => segmentText(text).map((s) => s.text);

// Each case: a paragraph and the sentences it must give.
const ENGLISH: [string, string[]][] = [
  ['Mr. Smith met Dr. Jones. Gen. Lee said no.', ['Mr. Smith met Dr. Jones.', 'Gen. Lee said no.']],
  [
    'The U.S. President spoke. Officials in the U.S. said so. It ended in the U.S. The next day was calm.',
    ['The U.S. President spoke.', 'Officials in the U.S. said so.', 'It ended in the U.S.', 'The next day was calm.'],
  ],
  [
    'Talks began at 3 p.m. Monday and ended at 5 p.m. The leaders left.',
    ['Talks began at 3 p.m. Monday and ended at 5 p.m.', 'The leaders left.'],
  ],
  [
    'John F. Kennedy visited St. Petersburg in No. 5 square. He left.',
    ['John F. Kennedy visited St. Petersburg in No. 5 square.', 'He left.'],
  ],
  [
    'It was 9.9 C on Sept. 13. Russia vs. Ukraine, e.g. Kyiv.',
    ['It was 9.9 C on Sept. 13.', 'Russia vs. Ukraine, e.g. Kyiv.'],
  ],
  [
    '“There are things we can talk about (…). “There are prospects,” Putin said. Done.',
    ['“There are things we can talk about (…).', '“There are prospects,” Putin said.', 'Done.'],
  ],
  [
    'He said “I am glad.” Then he left... and came back... The end.',
    ['He said “I am glad.”', 'Then he left... and came back...', 'The end.'],
  ],
  [
    'He asked "Will you discuss arms?". The answer was no.',
    ['He asked "Will you discuss arms?".', 'The answer was no.'],
  ],
  [
    'Putin said so in a statement to public television. . Russia-1. Kim Jong Un and Vladimir Putin met.',
    ['Putin said so in a statement to public television. . Russia-1.', 'Kim Jong Un and Vladimir Putin met.'],
  ],
  ['It ran Plan B. The plan worked.', ['It ran Plan B.', 'The plan worked.']],
  [
    'It is assigned to the U.S. Navy’s Seventh Fleet. Data on non-U.S. Arctic peoples and U.S. COVID-19 patients exist.',
    [
      'It is assigned to the U.S. Navy’s Seventh Fleet.',
      'Data on non-U.S. Arctic peoples and U.S. COVID-19 patients exist.',
    ],
  ],
  [
    'They agreed on two points. 1. Trade grows. 2. Arms talks end.',
    ['They agreed on two points.', '1. Trade grows.', '2. Arms talks end.'],
  ],
  ['“Help!” he cried. Yahoo! and Microsoft merged.', ['“Help!” he cried.', 'Yahoo! and Microsoft merged.']],
];

const TAGALOG: [string, string[]][] = [
  [
    'Dumating si Gng. Cruz at si G. Santos. Umalis si Bb. Reyes.',
    ['Dumating si Gng. Cruz at si G. Santos.', 'Umalis si Bb. Reyes.'],
  ],
  [
    'Dumalo si Hen. Brawner at si dating Ex-Pres. Duterte. Si Kim Jong Un. Ang pinuno ay dumating.',
    ['Dumalo si Hen. Brawner at si dating Ex-Pres. Duterte.', 'Si Kim Jong Un.', 'Ang pinuno ay dumating.'],
  ],
  [
    'Sinabi ni Sen. Dela Rosa at Pres. Marcos na tapos na. Ayon sa ulat, umalis sila.',
    ['Sinabi ni Sen. Dela Rosa at Pres. Marcos na tapos na.', 'Ayon sa ulat, umalis sila.'],
  ],
  [
    'Sinusubaybayan ng mga opisyal ng U.S. ang pagpupulong. Nangako sila ng sanction.',
    ['Sinusubaybayan ng mga opisyal ng U.S. ang pagpupulong.', 'Nangako sila ng sanction.'],
  ],
  [
    'Ayon sa Batas Blg. 11232, bawal ito. “Salamat,” sabi ni Kim. “Masaya ako.”',
    ['Ayon sa Batas Blg. 11232, bawal ito.', '“Salamat,” sabi ni Kim.', '“Masaya ako.”'],
  ],
  [
    'Nagpasalamat siya “sa kabila ng pagiging abala.” Ilang oras bago umalis, lumipad ang missile.',
    ['Nagpasalamat siya “sa kabila ng pagiging abala.”', 'Ilang oras bago umalis, lumipad ang missile.'],
  ],
];

for (const [name, cases] of [
  ['English', ENGLISH],
  ['Tagalog', TAGALOG],
] as const) {
  test(`${name} tricky sentence boundaries`, () => {
    for (const [text, want] of cases) assert.deepEqual(sentences(text), want, text);
  });
}

test('offsets point into the text, with \\r\\n or \\r line endings and leading spaces', () => {
  const text = 'Title here\r\n\r\n  First one. Second one.\r\nThird line here.\r\n';
  const segs = segmentText(text);
  assert.deepEqual(
    segs.map((s) => s.text),
    ['Title here', 'First one.', 'Second one.', 'Third line here.'],
  );
  for (const s of segs) assert.equal(text.slice(s.start, s.end), s.text);
  assert.deepEqual(
    segs.map((s) => s.paragraph),
    [0, 1, 1, 2],
  );
  const mac = 'Title here\r\rFirst one.\rSecond line.';
  assert.deepEqual(
    segmentText(mac).map((s) => [s.paragraph, s.text]),
    [
      [0, 'Title here'],
      [1, 'First one.'],
      [2, 'Second line.'],
    ],
  );
});
