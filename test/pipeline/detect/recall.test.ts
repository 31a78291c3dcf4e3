import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPair } from '../../../server/pipeline/detect/pair.js';
import { docFromLines } from '../../../server/pipeline/detect/examples.js';
import { negationDetector } from '../../../server/pipeline/detect/detectors/pair/negation.js';
import { entitiesDetector } from '../../../server/pipeline/detect/detectors/pair/entities.js';
import { negationCues } from '../../../server/lang/negation.js';
import { extractEntities } from '../../../server/lang/entities.js';
import type { PairDetector } from '../../../server/pipeline/detect/types.js';

// The error kinds of the check benchmark that were below target (negation, entity swaps): each case is a
// corrupted pair the detectors used to miss, beside its faithful original, which must stay without a major flag.

function majors(d: PairDetector, en: string, tl: string): string[] {
  const found = detectPair(docFromLines([en], 'en'), docFromLines([tl], 'tl'), [{ src: [0], tgt: [0], score: 1 }], {
    detectors: [d],
  });
  return found.filter((f) => f.finding.severity !== 'minor').map((f) => f.finding.message);
}

test('negation idioms carry no polarity: hindi bababa, wala pang 16, di nagtagal, no more than', () => {
  assert.deepEqual(negationCues('Gumastos sila ng hindi bababa sa $4 milyon.', 'tl'), []);
  assert.deepEqual(negationCues('Para sa mga batang wala pang 3 taong gulang.', 'tl'), []);
  assert.deepEqual(negationCues('Di nagtagal, naglabas ng alerto ang WHO.', 'tl'), []);
  assert.deepEqual(negationCues('The unit should be no more than 20 minutes.', 'en'), []);
  // The particle itself still counts elsewhere, and a di- prefix is a particle.
  assert.deepEqual(
    negationCues('Hindi bumaba ang presyo; sarado sa di-mahahalagang biyahe.', 'tl').map((c) => c.cue),
    ['hindi', 'di'],
  );
  assert.deepEqual(
    negationCues('Kung hindi ka makahanap ng paraan, tumawag ka.', 'tl').map((c) => c.cue),
    ['hindi'],
  );
  assert.deepEqual(negationCues('Nagsasalita sila ng Ingles, kung hindi man ay Tagalog.', 'tl'), []);
});

const NEG: { note: string; en: [string, string]; tl: [string, string] }[] = [
  {
    note: 'particle added beside an affixal negation the other side renders with its own particle',
    en: [
      'The crash site was located today and is so inaccessible that two policemen were dropped into the jungle.',
      'The crash site was not located today and is so inaccessible that two policemen were dropped into the jungle.',
    ],
    tl: [
      'Natagpuan ngayon ang binagsakang lugar at hindi madaling marating kaya dalawang pulis ang inihulog sa kagubatan.',
      'Natagpuan ngayon ang binagsakang lugar at hindi madaling marating kaya dalawang pulis ang inihulog sa kagubatan.',
    ],
  },
  {
    note: 'a lexical negation on both sides (denied / tinanggihan) does not excuse an added hindi',
    en: [
      'Alexander, as king, offered to pay to rebuild the temple, but his offer was denied.',
      'Alexander, as king, offered to pay to rebuild the temple, but his offer was denied.',
    ],
    tl: [
      'Si Alexander, bilang hari, ay nag-alok na magbayad upang muling itayo ang templo, ngunit ang kanyang alok ay tinanggihan.',
      'Si Alexander, bilang hari, ay hindi nag-alok na magbayad upang muling itayo ang templo, ngunit ang kanyang alok ay tinanggihan.',
    ],
  },
  {
    note: '"if not," is a negation on both sides',
    en: [
      'So book a direct flight if you can, and if not, think carefully about where to connect.',
      'So book a direct flight if you can, and if, think carefully about where to connect.',
    ],
    tl: [
      'Kaya mag-book ng isang direktang paglipad kung magagawa mo, at kung hindi, pag-isiping mabuti kung saan makipag-ugnay.',
      'Kaya mag-book ng isang direktang paglipad kung magagawa mo, at kung hindi, pag-isiping mabuti kung saan makipag-ugnay.',
    ],
  },
];

for (const c of NEG) {
  test(`negation: ${c.note}`, () => {
    assert.deepEqual(majors(negationDetector, c.en[0], c.tl[0]), [], 'the faithful pair');
    const found = majors(negationDetector, c.en[1], c.tl[1]);
    assert.equal(found.length, 1, 'the corrupted pair');
  });
}

const ENT: { note: string; en: [string, string]; tl: [string, string]; message: RegExp }[] = [
  {
    note: 'a name after a Tagalog person marker is a real name even without foreign letters',
    en: [
      'Hsieh also argued that the photogenic Ma was more style than substance.',
      'Hsieh also argued that the photogenic Ma was more style than substance.',
    ],
    tl: [
      'Katuwiran din ni Hsieh na si Ma na maganda sa litrato ay mas magarbo kaysa sa matalino.',
      'Katuwiran din ni Australyanong na si Ma na maganda sa litrato ay mas magarbo kaysa sa matalino.',
    ],
    message: /"Hsieh" in the source appears as "Australyanong" in the translation/,
  },
  {
    note: 'roman numerals do not vouch for a name (Phase III / Publikong Kalusugan III)',
    en: [
      'In a 2016 review of 106 drug candidates, the total capital expenditure for a manufacturer having a drug approved through successful Phase III trials was $2.6 billion.',
      'In a 2016 review of 106 drug candidates, the total capital expenditure for a manufacturer having a drug approved through successful Phase III trials was $2.6 billion.',
    ],
    tl: [
      'Sa isang rebyu noong 2016 ng 106 na mga kandidato ng gamot, ang kabuuang gastos na puhunan para sa isang tagagawa na nagpapaapruba ng gamot sa pamamagitan ng matagumpay na Phase III na mga pagsubok ay $2.6 bilyon.',
      'Sa isang rebyu noong 2016 ng 106 na mga kandidato ng gamot, ang kabuuang gastos na puhunan para sa isang tagagawa na nagpapaapruba ng gamot sa pamamagitan ng matagumpay na Publikong Kalusugan III na mga pagsubok ay $2.6 bilyon.',
    ],
    message: /"Phase III" in the source appears as "Publikong Kalusugan III"/,
  },
  {
    note: 'a name written once less where a new name appears was replaced',
    en: [
      'Buy a ticket from China to Cambodia and a second ticket from Cambodia to the U.S.',
      'Buy a ticket from China to Cambodia and a second ticket from Cambodia to the U.S.',
    ],
    tl: [
      'Bumili ng tiket mula sa China patungong Cambodia at isang pangalawang tiket mula sa Cambodia patungong U.S.',
      'Bumili ng tiket mula sa China patungong Dayuhan at isang pangalawang tiket mula sa Cambodia patungong U.S.',
    ],
    message: /"Dayuhan"/,
  },
];

for (const c of ENT) {
  test(`entities: ${c.note}`, () => {
    assert.deepEqual(majors(entitiesDetector, c.en[0], c.tl[0]), [], 'the faithful pair');
    const found = majors(entitiesDetector, c.en[1], c.tl[1]);
    assert.equal(found.length, 1, 'the corrupted pair');
    assert.match(found[0]!, c.message);
  });
}

test('a title abbreviation or initial (G., Mr., Dr.) does not start a sentence: the name after it is extracted', () => {
  assert.deepEqual(
    extractEntities('Sinabi ni G. Costello na dapat ituloy ng Australya ang paggamit nito.', 'tl').map((e) => e.text),
    ['Costello', 'Australya'],
  );
  assert.deepEqual(
    extractEntities('Dr. Ruiz gave the award in the city.', 'en').map((e) => e.text),
    ['Ruiz'],
  );
});
