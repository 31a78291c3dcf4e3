import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { MATES_FILE, readMatesFile } from '../../../server/pipeline/detect/spin/mates-table.js';
import { writeMatesFile } from '../../../server/pipeline/detect/spin/mates-file.js';
import { matesOf } from '../../../server/pipeline/detect/spin/units.js';
import { tmpDir } from '../../helpers/tmp.js';

// The prebuilt synset-mates (data/wordnet/mates.txt) stand in for computing them: spin findings may not
// change with the file, so every entry must be exactly what matesOf computes.

const WORDS = ['said', 'visit', 'local', 'detection', 'tiny', 'costs', 'soul', 'the', 'running', 'press', 'xqzv', "don't", 'well-known'];

test('a written table reads back as exactly the computed mates (forms, sense counts, chances)', () => {
  const file = join(tmpDir(), 'mates.txt');
  writeMatesFile(file, WORDS);
  const t = readMatesFile(file);
  assert.ok(t);
  assert.equal(t.size, WORDS.length);
  const visit = t.get('visit');
  assert.ok(visit && visit.mates.length > 3, 'visit has synset-mates');
  for (const w of WORDS) assert.deepEqual(t.get(w), matesOf(w), w);
  assert.equal(t.get('not-in-the-table'), null);
});

test('the build\'s table agrees with the computation (a stale file would change findings)', (t) => {
  const built = readMatesFile(MATES_FILE);
  if (!built) return t.skip('no current data/wordnet/mates.txt (npm run build writes it)');
  assert.ok(built.size > 50_000, `${built.size} forms`);
  // a spread of the vocabulary: every 97th form
  const forms = readFileSync(MATES_FILE, 'utf8').split('\n').slice(1, -2).filter((_, i) => i % 97 === 0).map((l) => l.slice(0, l.indexOf('\t')));
  assert.ok(forms.length > 500);
  for (const f of forms) assert.deepEqual(built.get(f), matesOf(f), f);
});

test('a table built from something else, or cut short, is ignored', () => {
  const file = join(tmpDir(), 'mates.txt');
  writeMatesFile(file, WORDS);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^tapat-mates v\d+/, 'tapat-mates v0'));
  assert.equal(readMatesFile(file), null);
  writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
  assert.equal(readMatesFile(file), null);
  writeFileSync(file, 'not a table');
  assert.equal(readMatesFile(file), null);
  assert.equal(readMatesFile(join(tmpDir(), 'missing.txt')), null);
});
