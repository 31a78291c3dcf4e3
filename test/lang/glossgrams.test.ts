import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { countGlossGrams, tableCount } from '../../server/lang/wordnet/glossgrams-count.js';
import { readGlossFile, writeGlossFile } from '../../server/lang/wordnet/glossgrams-file.js';
import { pairCount } from '../../server/lang/wordnet/glossgrams.js';
import { tmpDir } from '../helpers/tmp.js';

// The gloss pair table the build writes must be exactly the table counted from WordNet: the spin
// detectors read it instead of counting, and their findings may not change with it.

const counted = countGlossGrams();
const id = (w: string): number => counted.words.indexOf(w);

test('gloss pair counts: known pairs are there, unseen ones are 0', () => {
  assert.ok(tableCount(counted, id('local'), id('time')) > 0);
  assert.equal(tableCount(counted, id('native'), id('time')), 0);
  assert.equal(pairCount('Local', 'TIME'), tableCount(counted, id('local'), id('time')));
  assert.equal(pairCount('local', 'xqzv'), 0);
  assert.ok(counted.total > 1_000_000 && counted.seconds.length > 400_000);
});

test('the written file reads back as the same table', () => {
  const file = join(tmpDir(), 'glossgrams.bin');
  writeGlossFile(counted, file);
  const read = readGlossFile(file);
  assert.ok(read);
  assert.equal(read.total, counted.total);
  assert.deepEqual(read.words, counted.words);
  for (const k of ['offsets', 'seconds', 'counts', 'unigrams'] as const)
    assert.deepEqual([...read[k]], [...counted[k]], k);
});

test('a file counted from other WordNet files, or not a table at all, is ignored', () => {
  const file = join(tmpDir(), 'glossgrams.bin');
  writeGlossFile(counted, file);
  const raw = readFileSync(file);
  raw.write('x', 8, 'latin1'); // the source key no longer matches
  writeFileSync(file, raw);
  assert.equal(readGlossFile(file), null);
  writeFileSync(file, 'not a table');
  assert.equal(readGlossFile(file), null);
  writeGlossFile(counted, file);
  writeFileSync(file, readFileSync(file).subarray(0, 100_000)); // cut short
  assert.equal(readGlossFile(file), null);
  assert.equal(readGlossFile(join(tmpDir(), 'missing.bin')), null);
});
