import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectPair } from '../../../server/pipeline/detect/pair.js';
import { docFromLines, diagonalBeads } from '../../../server/pipeline/detect/examples.js';
import { compassChange } from '../../../server/lang/compass.js';
import { negationCues } from '../../../server/lang/negation.js';

// Real professional translations (TICO-19 dev, CC0; see test/fixtures/real-tl/SOURCES.md): the faithful ones
// must pass without a major flag, the hand-labelled real errors must keep theirs.
const rows = readFileSync(fileURLToPath(new URL('../../fixtures/real-tl/tico19-pairs.tsv', import.meta.url)), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((r) => r.split('\t'))
  .map(([line, expect, en, tl]) => ({ line: line!, expect: expect!, en: en!, tl: tl! }));

test('real translations: faithful pairs get no major flag, labelled errors keep theirs', () => {
  assert.ok(rows.length >= 9 && rows.some((r) => r.expect === 'clean') && rows.some((r) => r.expect !== 'clean'));
  for (const r of rows) {
    const found = detectPair(docFromLines([r.en], 'en'), docFromLines([r.tl], 'tl'), diagonalBeads(1), {
      srcLang: 'en',
      tgtLang: 'tl',
    });
    const major = found.filter((f) => f.finding.severity !== 'minor').map((f) => f.finding.detector);
    if (r.expect === 'clean')
      assert.deepEqual(major, [], `line ${r.line}: ${found.map((f) => f.finding.message).join(' | ')}`);
    else
      assert.ok(major.includes(r.expect), `line ${r.line}: expected ${r.expect}, got ${major.join(',') || 'nothing'}`);
  }
});

test('compass words inside names: South Cotabato ≠ Hilagang Cotabato; Timog Cotabato and del Norte agree', () => {
  assert.equal(
    compassChange('The quake struck South Cotabato.', 'en', 'Tumama ang lindol sa Timog Cotabato.', 'tl'),
    null,
  );
  const c = compassChange('The quake struck South Cotabato.', 'en', 'Tumama ang lindol sa Hilagang Cotabato.', 'tl');
  assert.deepEqual([c?.src.dir, c?.tgt.dir, c?.tgt.raw], ['s', 'n', 'Hilagang Cotabato']);
  assert.equal(compassChange('Rain in Surigao del Norte.', 'en', 'Ulan sa Surigao del Norte.', 'tl'), null);
  assert.equal(compassChange('Rain in Surigao del Norte.', 'en', 'Ulan sa Surigao del Sur.', 'tl')?.tgt.dir, 's');
  // a place named in both directions on one side is not a change
  assert.equal(
    compassChange('North and South Korea met.', 'en', 'Nagkita ang South Korea at North Korea.', 'tl'),
    null,
  );
});

test('negation idioms: hindi nagtagal, hindi lamang … kundi, not only … but; bound particles', () => {
  assert.deepEqual(negationCues('Hindi nagtagal, tumigil ang ulan.', 'tl'), []);
  assert.deepEqual(negationCues('Sinira nito hindi lamang ang mga bahay kundi pati ang mga kalsada.', 'tl'), []);
  assert.deepEqual(negationCues('It destroyed not only houses but also roads.', 'en'), []);
  assert.deepEqual(negationCues('Not long after, the rain stopped.', 'en'), []);
  const bound = negationCues('Limitahan ang mga hindi mahalagang bisita.', 'tl');
  assert.deepEqual(
    bound.map((c) => [c.cue, c.bound ?? false]),
    [['hindi', true]],
  );
  const clause = negationCues('Hindi dumating ang ministro.', 'tl');
  assert.deepEqual(
    clause.map((c) => [c.cue, c.bound ?? false]),
    [['hindi', false]],
  );
});

test('refusing is not denying: declined to release / itinanggi; "denied permission" is a refusal', async () => {
  const { stanceChange, stances } = await import('../../../server/lang/stance.js');
  assert.deepEqual(
    stanceChange('Police declined to release the names.', 'en', 'Itinanggi ng pulisya ang mga pangalan.', 'tl'),
    { src: 'refuse', tgt: 'deny' },
  );
  assert.equal(
    stanceChange(
      'Police declined to release the names.',
      'en',
      'Tumanggi ang pulisya na ilabas ang mga pangalan.',
      'tl',
    ),
    null,
  );
  assert.deepEqual([...stances('The ship was denied permission to dock.', 'en')], []);
  assert.deepEqual([...stances('The ministry denied the report.', 'en')], ['deny']);
});

test('a descriptive name translated word for word is minor; a name turned into a native word is still major', () => {
  const run = (en: string, tl: string) =>
    detectPair(docFromLines([en], 'en'), docFromLines([tl], 'tl'), diagonalBeads(1), { srcLang: 'en', tgtLang: 'tl' })
      .filter((f) => f.finding.detector === 'entities')
      .map((f) => f.finding.severity);
  // FLORES-200 dev lines 700 and 509 (CC BY-SA 4.0), shortened
  assert.deepEqual(
    run(
      'This letter must be legalized by the Ecuadorian Ministry of Foreign Affairs.',
      'Ang liham na ito ay dapat na pagtibayin ng Ministri ng Ugnayang Panlabas ng Ecuador.',
    ),
    ['minor'],
  );
  assert.deepEqual(
    run(
      'Attention Deficit Disorder is a neurological syndrome.',
      'Ang Sakit na Kakulangan sa Kakayahang Magtuon ng Pansin ay isang syndrome na neorolohikal.',
    ),
    ['minor'],
  );
  assert.deepEqual(
    run(
      'A ticket from China to Cambodia and one from Cambodia to the U.S.',
      'Isang tiket mula sa China patungong Dayuhan at isa mula sa Cambodia patungong U.S.',
    ),
    ['major'],
  );
  assert.deepEqual(
    run(
      'The Foreign Affairs office in Quito issued the letter.',
      'Inilabas ng tanggapan ng Ugnayang Panlabas sa Lima ang liham.',
    ),
    ['major'],
  );
});

test('negation carried by English affixes: undetected / hindi natukoy, inevitable / hindi maiiwasan; an extra particle is still one', () => {
  const neg = (en: string, tl: string) =>
    detectPair(docFromLines([en], 'en'), docFromLines([tl], 'tl'), diagonalBeads(1), {
      srcLang: 'en',
      tgtLang: 'tl',
    }).filter((f) => f.finding.detector === 'negation' && f.finding.severity !== 'minor').length;
  assert.equal(
    neg(
      'There may be undetected transmission despite the weakness of the system.',
      'Maaaring may hindi natukoy na transmisyon sa kabila ng kahinaan ng sistema.',
    ),
    0,
  );
  assert.equal(neg('Long-term effects remain unclear.', 'Ang mga pangmatagalang epekto ay nananatiling maliwanag.'), 1);
  assert.equal(
    neg('Long-term effects remain unclear.', 'Ang mga pangmatagalang epekto ay nananatiling hindi maliwanag.'),
    0,
  );
  assert.equal(neg('The judge said it was almost inevitable.', 'Sinabi ng hukom na halos hindi ito maiiwasan.'), 0);
  assert.equal(neg('The virus was detected in the community.', 'Hindi natukoy ang virus sa komunidad.'), 1);
  assert.equal(neg('The undetected cases were counted.', 'Hindi binilang ang mga hindi natukoy na kaso.'), 1);
});

test('Tatoeba readings: a verb of failure renders an opening Hindi; spellings hinde/hindì; an exonym with its linker', () => {
  const major = (en: string, tl: string, det: string) =>
    detectPair(docFromLines([en], 'en'), docFromLines([tl], 'tl'), diagonalBeads(1), {
      srcLang: 'en',
      tgtLang: 'tl',
    }).filter((f) => f.finding.detector === det && f.finding.severity !== 'minor').length;
  // Tatoeba eng–tgl test lines 388, 990, 1121 (CC BY 2.0 FR)
  assert.equal(major('He failed to take the exam.', 'Hindi siya nakakuha ng eksamen.', 'negation'), 0);
  assert.equal(major('He took the exam.', 'Hindi siya nakakuha ng eksamen.', 'negation'), 1);
  assert.deepEqual(
    negationCues('Ako ay nagsisi na hinde ko sinunod ang kanyang payo.', 'tl').map((c) => c.cue),
    ['hindi'],
  );
  assert.deepEqual(
    negationCues("Hindì ko 'yún kasalanan.", 'tl').map((c) => c.cue),
    ['hindi'],
  );
  assert.equal(
    major(
      'He compiled a Japanese folklore anthology.',
      'Pinagsamasama niya ang antolohiya ng Hapong alamat.',
      'entities',
    ),
    0,
  );
});
