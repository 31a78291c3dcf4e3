import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centroid, dot, newsRank, vectorOf } from '../../../server/lang/vectors.js';
import { contextFindings } from '../../../server/pipeline/detect/spin/contextual.js';
import { FEATURES, unitFeatures } from '../../../server/pipeline/detect/spin/features.js';
import { docProbabilities, spinModel } from '../../../server/pipeline/detect/spin/model.js';
import { spinUnits } from '../../../server/pipeline/detect/spin/units.js';

// The spin-context model: word vectors, the units a spinner can touch, the channel features and the
// trained weights (data/spin/spin-model.json).

const CLEAN =
  'Nadal won 88% of net points in the match, winning 76 points on his first serve. After the match, he said he was happy to be back in the final rounds of the most important events.';
const SPUN =
  'Nadal bagged 88% net points in the tally making headway 76 points in the first serve. After the peer, he aforesaid he was felicitous to be back in the final troll of the most crucial outcome.';
const TH = { minProbability: 0.25, gateMean: 0.085, gateAlone: 0.095 };

test('word vectors: frequency order doubles as rank, and a word fits the context it belongs to', () => {
  assert.equal(newsRank('the'), 1);
  assert.ok(newsRank('match') < newsRank('tally'));
  assert.ok(newsRank('qwzxv') > 80_000);
  const tennis = centroid(['nadal', 'serve', 'points', 'set', 'tennis']);
  assert.ok(tennis);
  const match = vectorOf('match');
  const peer = vectorOf('peer');
  assert.ok(match && peer);
  const m = dot(match, tennis);
  const p = dot(peer, tennis);
  assert.ok(m > p, `match ${m} vs peer ${p}`);
  assert.equal(vectorOf('qwzxv'), null);
  assert.equal(centroid(['qwzxv']), null);
});

test('units: content words and written-out WordNet phrases, with mates; names and function words are not units', () => {
  const { units } = spinUnits('Yesterday Maria went to bed early; the pilot film was shown in the playroom.');
  const forms = units.map((u) => u.form);
  assert.ok(forms.includes('pilot film'), forms.join('|'));
  assert.ok(!forms.includes('maria'));
  assert.ok(!forms.some((f) => ['the', 'was', 'in'].includes(f)));
  const film = units.find((u) => u.form === 'pilot film');
  assert.ok(film && film.words === 2 && film.mates.some((m) => m.form === 'pilot'));
  // function words are never a mate: "costs" was not spun from "is"
  const { units: c } = spinUnits('The chip costs one cent.');
  assert.ok(!c.find((u) => u.form === 'costs')?.mates.some((m) => m.form === 'is'));
});

test('the model file fits the features and scores spun words above their clean originals', () => {
  const m = spinModel();
  assert.deepEqual(m.features, [...FEATURES]);
  const probs = (text: string) => {
    const { units, toks } = spinUnits(text);
    const s = unitFeatures(units, toks);
    return new Map(docProbabilities(m, s).map((p, i) => [s[i]?.unit.form as string, p]));
  };
  const spun = probs(SPUN);
  const clean = probs(CLEAN);
  for (const [w, orig] of [
    ['aforesaid', 'said'],
    ['felicitous', 'happy'],
    ['troll', 'rounds'],
  ] as const) {
    assert.ok((spun.get(w) ?? 0) > 0.5, `${w}: ${spun.get(w)}`);
    assert.ok((clean.get(orig) ?? 0) < (spun.get(w) ?? 0), `${orig} ${clean.get(orig)} vs ${w}`);
  }
});

test('spin-context: findings with suggestions in spun text, a low document mean in clean text', () => {
  const s = contextFindings(SPUN, TH);
  const c = contextFindings(CLEAN, TH);
  assert.ok(s.mean >= TH.gateAlone, `spun mean ${s.mean}`);
  assert.ok(c.mean < TH.gateMean, `clean mean ${c.mean}`);
  const by = new Map(s.findings.map((f) => [f.text, f]));
  assert.equal(by.get('aforesaid')?.suggestion, 'said');
  assert.equal(by.get('felicitous')?.suggestion, 'happy');
  for (const f of s.findings) assert.equal(SPUN.slice(f.start, f.end), f.text);
});
