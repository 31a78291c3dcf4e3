import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { seed } from '../../helpers/paths.js';
import { segmentDoc } from '../../../server/pipeline/segment/index.js';
import { checkDocs } from '../../../server/pipeline/detect/check.js';
import { detectPair } from '../../../server/pipeline/detect/pair.js';
import { docFromLines } from '../../../server/pipeline/detect/examples.js';
import { pairRegime } from '../../../server/pipeline/detect/regime.js';
import type { Bead, SegmentedDoc } from '../../../server/pipeline/types.js';

// Comparable articles (two reports of one event) versus translations: the pair detectors read the regime off
// the alignment, so unmatched sentences of comparable articles are one summary, not a major flag each.

function doc(prefix: string): SegmentedDoc {
  const path = seed(prefix);
  return segmentDoc({
    path,
    url: null,
    title: null,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: null,
    text: readFileSync(path, 'utf8'),
  });
}

test('seed 000 (Tagalog) vs 001 (another English article): one comparable summary, no major null-link; MT artifacts and junk stay', () => {
  const tl = doc('000');
  const en = doc('001');
  const recs = checkDocs(tl, en);
  const nullLinks = recs.filter((r) => r.detector === 'null-link');
  assert.equal(
    nullLinks.filter((r) => r.severity !== 'minor').length,
    0,
    JSON.stringify(nullLinks.map((r) => r.message)),
  );
  assert.equal(nullLinks.length, 1, 'the unmatched sentences are summarised once');
  const summary = nullLinks[0]!;
  assert.match(
    summary.message,
    /^These articles are comparable, not translations of each other: \d+ of \d+ source sentences and \d+ of \d+ sentences/,
  );
  assert.deepEqual([summary.src, summary.tgt], [[], []]);
  assert.equal(summary.evidence.regime, 'comparable');
  assert.ok((summary.evidence.coverage as number) < 0.5);
  // Length and correspondence are not judged on the aligner's guesses between comparable articles.
  assert.equal(
    recs
      .filter((r) => r.detector === 'length-ratio' || r.detector === 'misalignment')
      .filter((r) => r.severity !== 'minor').length,
    0,
  );
  // What is wrong inside one article is still said, at its severity.
  const mt = recs.filter((r) => r.detector === 'mt-artifacts');
  assert.ok(mt.some((r) => r.severity === 'major' && /Pronoun echo: "Vladimir Putin, He"/.test(r.message)));
  assert.ok(mt.some((r) => /I’m going to go/.test(r.message)));
  const junk = recs.filter((r) => r.detector === 'boilerplate');
  assert.ok(junk.some((r) => r.tgt.length === 1 && en.segments[r.tgt[0]!]!.text === '9.9 C'));
  assert.ok(junk.some((r) => r.src.length === 1 && /Bumalik para sa mga update/.test(tl.segments[r.src[0]!]!.text)));
  // Every major flag left is about one article on its own, not about the pair.
  const pairIds = new Set([
    'null-link',
    'length-ratio',
    'misalignment',
    'numbers',
    'entities',
    'negation',
    'quotes',
    'lexical-coverage',
  ]);
  assert.deepEqual(
    recs.filter((r) => r.severity !== 'minor' && pairIds.has(r.detector)).map((r) => r.message),
    [],
  );
  assert.ok(recs.length < 30, `${recs.length} flags`);
});

const EN = [
  'The leaders met at the cosmodrome on Wednesday afternoon.',
  'They discussed trade, energy and transport for several hours.',
  'The president said the talks had been useful for both countries.',
  'Journalists waited outside the building until late in the evening.',
  'A statement was published after the meeting by the foreign ministry.',
  'The two delegations will meet again in the capital next spring.',
  'Officials did not give details about the agreements that were signed.',
  'Analysts expect the deal to raise exports of grain and oil.',
  'Opposition parties criticised the visit in parliament on Thursday.',
  'The ministry promised to publish the full text of the agreements soon.',
];
const TL = [
  'Nagkita ang mga pinuno sa cosmodrome noong Miyerkules ng hapon.',
  'Pinag-usapan nila ang kalakalan, enerhiya at transportasyon nang ilang oras.',
  'Sinabi ng pangulo na naging kapaki-pakinabang ang pag-uusap para sa dalawang bansa.',
  'Naghintay ang mga mamamahayag sa labas ng gusali hanggang gabi.',
  'Naglabas ng pahayag ang kagawaran ng ugnayang panlabas pagkatapos ng pulong.',
  'Muling magkikita ang dalawang delegasyon sa kabisera sa susunod na tagsibol.',
  'Hindi nagbigay ang mga opisyal ng detalye tungkol sa mga kasunduang nilagdaan.',
  'Inaasahan ng mga analista na tataas ang pagluluwas ng butil at langis.',
  'Binatikos ng mga partido ng oposisyon ang pagbisita sa parlamento noong Huwebes.',
  'Nangako ang kagawaran na ilalathala agad ang buong teksto ng mga kasunduan.',
];

test('a translation that leaves out one sentence is parallel: the omission is a major null-link', () => {
  const src = docFromLines(EN, 'en');
  const tgt = docFromLines(
    TL.filter((_, i) => i !== 4),
    'tl',
  );
  const beads: Bead[] = EN.map((_, i) =>
    i === 4 ? { src: [4], tgt: [], score: 0.9 } : { src: [i], tgt: [i < 4 ? i : i - 1], score: 0.9 },
  );
  assert.equal(pairRegime(src, tgt, beads, { comparableCoverage: 0.5, minSentences: 8, minWords: 4 }).kind, 'parallel');
  const found = detectPair(src, tgt, beads).filter((f) => f.finding.detector === 'null-link');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.finding.severity, 'major');
  assert.deepEqual(found[0]!.src, [4]);
  assert.match(found[0]!.finding.message, /has no counterpart in the translation: omitted/);
});

test('few linked sentences make the pair comparable: a summary, and weak links are not judged for length', () => {
  const src = docFromLines(EN, 'en');
  const tgt = docFromLines(TL, 'tl');
  // Three links out of ten; one of them weak and badly cut (would be a major length flag in a translation).
  const cut = docFromLines([...TL.slice(0, 2), 'Sinabi ng pangulo na', ...TL.slice(3)], 'tl');
  const beads: Bead[] = [
    { src: [0], tgt: [0], score: 0.9 },
    { src: [1], tgt: [1], score: 0.9 },
    { src: [2], tgt: [2], score: 0.55 },
    ...EN.slice(3).map((_, k) => ({ src: [k + 3], tgt: [], score: 0.7 })),
    ...TL.slice(3).map((_, k) => ({ src: [], tgt: [k + 3], score: 0.7 })),
  ];
  const r = pairRegime(src, tgt, beads, { comparableCoverage: 0.5, minSentences: 8, minWords: 4 });
  assert.deepEqual(r, {
    kind: 'comparable',
    srcContent: 10,
    srcLinked: 3,
    tgtContent: 10,
    tgtLinked: 3,
    coverage: 0.3,
  });
  const found = detectPair(src, cut, beads);
  const nl = found.filter((f) => f.finding.detector === 'null-link');
  assert.equal(nl.length, 1);
  assert.equal(nl[0]!.bead, -1);
  assert.match(
    nl[0]!.finding.message,
    /3 of 10 source sentences and 3 of 10 sentences of the other article correspond/,
  );
  assert.equal(found.filter((f) => f.finding.detector === 'length-ratio').length, 0);
  // The same cut on a translation (every sentence linked) is a major length flag.
  const parallel = detectPair(
    src,
    cut,
    EN.map((_, i) => ({ src: [i], tgt: [i], score: 0.55 })),
  );
  assert.ok(
    parallel.some((f) => f.finding.detector === 'length-ratio' && f.bead === 2 && f.finding.severity === 'major'),
  );
  assert.equal(parallel.filter((f) => f.finding.detector === 'null-link').length, 0);
});
