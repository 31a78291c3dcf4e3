import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeHits, readVocabulary, vocabularyFile } from '../../../server/lang/wordnet/vocabulary.js';
import { lookupByMorphology } from '../../../server/lang/wordnet/index.js';
import { writeVocabularyFile } from '../../../server/pipeline/detect/spin/vocabulary-file.js';
import { decodeMates } from '../../../server/pipeline/detect/spin/mates-table.js';
import { matesOf } from '../../../server/pipeline/detect/spin/units.js';
import { tmpDir } from '../../helpers/tmp.js';

// The prebuilt vocabulary (data/prebuilt/vocabulary.txt) stands in for WordNet morphology and synset-mates:
// findings may not change with the file, so every entry must be exactly what the computations answer.

const WORDS = [
  'said',
  'visit',
  'local',
  'detection',
  'tiny',
  'costs',
  'soul',
  'the',
  'running',
  'press',
  'xqzv',
  "don't",
  'well-known',
  'went',
];

const entry = (t: NonNullable<ReturnType<typeof readVocabulary>>, w: string) => {
  const f = t.fields(w);
  return f && { hits: decodeHits(f[0] as string), mates: decodeMates(f.slice(1)) };
};

test('a written table reads back as exactly the computed lemmas and mates (forms, sense counts, chances)', () => {
  const file = join(tmpDir(), 'vocabulary.txt');
  writeVocabularyFile(file, WORDS);
  const t = readVocabulary(file);
  assert.ok(t);
  assert.equal(t.size, WORDS.length);
  const visit = entry(t, 'visit');
  assert.ok(visit && visit.mates.mates.length > 3, 'visit has synset-mates');
  assert.ok(
    entry(t, 'went')?.hits.some((h) => h.lemma === 'go' && h.pos === 'v'),
    'went is a form of go',
  );
  for (const w of WORDS) assert.deepEqual(entry(t, w), { hits: lookupByMorphology(w), mates: matesOf(w) }, w);
  assert.equal(t.fields('not-in-the-table'), null);
});

test("the build's table agrees with the computations (a stale file would change findings)", () => {
  // npm test builds first, and the build writes a current table: a missing or stale one is a failure here
  const built = readVocabulary(vocabularyFile());
  assert.ok(built, 'no current data/prebuilt/vocabulary.txt (npm run build writes it)');
  assert.ok(built.size > 50_000, `${built.size} forms`);
  // a spread of the vocabulary: every 97th form
  const forms = readFileSync(vocabularyFile(), 'utf8')
    .split('\n')
    .slice(1, -2)
    .filter((_, i) => i % 97 === 0)
    .map((l) => l.slice(0, l.indexOf('\t')));
  assert.ok(forms.length > 500);
  for (const f of forms) assert.deepEqual(entry(built, f), { hits: lookupByMorphology(f), mates: matesOf(f) }, f);
});

test('a table made for another prebuilt version, or cut short, is ignored', () => {
  const file = join(tmpDir(), 'vocabulary.txt');
  writeVocabularyFile(file, WORDS);
  const text = readFileSync(file, 'utf8');
  assert.ok(readVocabulary(file), 'made for the current prebuilt version');
  assert.equal(readVocabulary(file, 'another-version'), null);
  writeFileSync(file, text.replace(/^tapat-vocabulary \S+/, 'tapat-vocabulary 0000'));
  assert.equal(readVocabulary(file), null);
  writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
  assert.equal(readVocabulary(file), null);
  writeFileSync(file, 'not a table');
  assert.equal(readVocabulary(file), null);
  assert.equal(readVocabulary(join(tmpDir(), 'missing.txt')), null);
});
