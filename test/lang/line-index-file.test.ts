import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexCachePath, indexFile } from '../../server/lang/line-index-file.js';
import { LineIndex } from '../../server/lang/line-index.js';
import { tmpDir } from '../helpers/tmp.js';
import { REPO } from '../helpers/paths.js';

// A kept index must answer exactly as one built from the file, and must never be used for another file.

/** A folder of kept indexes of one prebuilt version (lang/prebuilt.ts). */
const store = (dir: string, version = 'test-version') => ({ dir, version });

const sameAnswers = (a: LineIndex, b: LineIndex, keys: string[]): void => {
  assert.equal(a.lines, b.lines);
  assert.equal(a.size, b.size);
  assert.equal(a.grouped, b.grouped);
  for (const k of keys) assert.equal(a.find(k), b.find(k), k);
  for (let i = 0; i < a.lines; i++) assert.equal(a.line(i), b.line(i));
  assert.deepEqual([...a.keys()], [...b.keys()]);
};

test('an index is kept beside the first reading and taken back by the next, answering the same', () => {
  const dir = tmpDir();
  const file = join(dir, 'ranks.txt');
  const words = Array.from({ length: 5000 }, (_, i) => `wörd${(i * 37) % 4001}`);
  writeFileSync(file, words.join('\n') + '\n');
  const cache = indexCachePath(file, '\t', join(dir, 'cache'));
  const first = indexFile(file, '\t', 'utf8', store(join(dir, 'cache')));
  assert.ok(existsSync(cache), 'kept');
  const kept = statSync(cache).ino;
  const again = indexFile(file, '\t', 'utf8', store(join(dir, 'cache')));
  assert.equal(statSync(cache).ino, kept, 'taken back, not built and written again');
  sameAnswers(again, new LineIndex(readFileSync(file, 'utf8'), '\t'), [...words.slice(0, 300), 'wörd4001', 'nope', '']);
  sameAnswers(again, first, words.slice(0, 50));
});

test('a kept index of another version of the file, or a damaged one, is not used', () => {
  const dir = tmpDir();
  const file = join(dir, 'list.tsv');
  const cacheDir = store(join(dir, 'cache'));
  writeFileSync(file, 'visit\t1\nsojourn\t2\n');
  indexFile(file, '\t', 'utf8', cacheDir);
  // same size and a new time: the kept index is of the old text
  writeFileSync(file, 'sojourn\t1\nvisit\t2\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
  const changed = indexFile(file, '\t', 'utf8', cacheDir);
  assert.equal(changed.find('visit'), 1);
  assert.equal(changed.find('sojourn'), 0);
  // a cut-short or garbled kept index is ignored
  const cache = indexCachePath(file, '\t', cacheDir.dir);
  writeFileSync(cache, readFileSync(cache).subarray(0, 40));
  assert.equal(indexFile(file, '\t', 'utf8', cacheDir).find('visit'), 1);
  writeFileSync(cache, Buffer.from('not an index at all'));
  assert.equal(indexFile(file, '\t', 'utf8', cacheDir).find('visit'), 1);
  // another separator is another index
  assert.equal(indexFile(file, 'i', 'utf8', cacheDir).find('v'), 1);
});

test('a kept index made for another prebuilt version is built again', () => {
  const dir = tmpDir();
  const file = join(dir, 'list.tsv');
  writeFileSync(file, 'visit\t1\nsojourn\t2\n');
  indexFile(file, '\t', 'utf8', store(join(dir, 'cache'), 'one'));
  const cache = indexCachePath(file, '\t', join(dir, 'cache'));
  const kept = statSync(cache).ino;
  indexFile(file, '\t', 'utf8', store(join(dir, 'cache'), 'one'));
  assert.equal(statSync(cache).ino, kept, 'same version: taken back');
  assert.equal(indexFile(file, '\t', 'utf8', store(join(dir, 'cache'), 'two')).find('sojourn'), 1);
  assert.notEqual(statSync(cache).ino, kept, 'another version: written again');
});

test('the shipped lists read through their kept indexes answer as freshly built ones', () => {
  const file = join(REPO, 'data', 'spin', 'word-ranks.txt');
  const kept = indexFile(file, '\t', 'utf8');
  const built = new LineIndex(readFileSync(file, 'utf8'), '\t');
  for (const w of ['the', 'said', 'sleuthing', 'detection', 'xqzv', 'constructor'])
    assert.equal(kept.find(w), built.find(w), w);
  assert.equal(kept.find('the'), 0, 'the commonest word ranks first');
  assert.equal(kept.find('xqzv'), -1);
  assert.equal(kept.size, built.size);
});
