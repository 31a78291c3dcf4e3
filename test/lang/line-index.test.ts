import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../../server/lang/line-index.js';
import { dictPath, getLemmaIndex, getSenseCounts } from '../../server/lang/wordnet/files.js';
import { senseCount, synsets } from '../../server/lang/wordnet/index.js';

// LineIndex stands in for Maps of word lists: it must answer exactly what the Map built from the same lines did.

test('keys are found at their first line; values, empty keys and the last line without a newline', () => {
  const ix = new LineIndex('visit\t12\nsojourn\t3\n\tno key\nvisit\t99\nbahay\tkubo\nlast\t7', '\t');
  assert.equal(ix.lines, 6);
  assert.equal(ix.size, 4, 'visit once, the keyless line not at all');
  assert.equal(ix.find('visit'), 0, 'a key listed twice is found at its first line');
  assert.equal(ix.rest(ix.find('visit')), '12');
  assert.equal(ix.line(ix.find('bahay')), 'bahay\tkubo');
  assert.equal(ix.rest(ix.find('last')), '7', 'the last line needs no newline');
  assert.equal(ix.line(5), 'last\t7');
  for (const missing of ['', 'visi', 'visits', 'no key', 'Visit', 'kubo']) assert.equal(ix.find(missing), -1, missing);
  assert.deepEqual([...ix.keys()], ['visit', 'sojourn', 'bahay', 'last']);
  assert.equal(ix.grouped, false, "visit's lines are apart");
  assert.ok(ix.keyIs(3, 'visit') && !ix.keyIs(3, 'visits') && !ix.keyIs(2, 'no key'));
  assert.equal(new LineIndex('a\t1\na\t2\nb\t3\n', '\t').grouped, true);
});

test('a key is the whole line without a separator; a final newline starts no line; other scripts', () => {
  const ix = new LineIndex('naïve\ncafé au lait\n日本\n', '\t');
  assert.equal(ix.lines, 3);
  assert.equal(ix.line(2), '日本', 'no trailing newline in the last line');
  assert.equal(ix.find('café au lait'), 1);
  assert.equal(ix.find('日本'), 2);
  assert.equal(ix.rest(0), '');
  assert.equal(new LineIndex('', '\t').find('x'), -1);
});

test('a large list answers as a Map of it does (collisions, probing, first occurrence)', () => {
  const words = Array.from({ length: 50_000 }, (_, i) => `w${(i * 7919) % 30_011}`);
  const ix = new LineIndex(words.join('\n'), '\t');
  const first = new Map<string, number>();
  words.forEach((w, i) => first.has(w) || first.set(w, i));
  assert.equal(ix.size, first.size);
  for (const [w, i] of first) assert.equal(ix.find(w), i, w);
  assert.equal(ix.find('w30011'), -1);
});

test('keysWith finds the keys holding a character, as filtering every key does', () => {
  const ix = new LineIndex('a_b 1 x_y\nplain 2 _\nc_d 3\na_b 4\n_lead 5\nend_', ' ');
  assert.deepEqual([...ix.keysWith('_')], ['a_b', 'c_d', '_lead', 'end_']);
  const noun = getLemmaIndex();
  for (const pos of ['n', 'v', 'a', 'r'] as const) {
    assert.deepEqual(
      [...noun.collocationsOf(pos)],
      [...noun.keysOf(pos)].filter((k) => k.includes('_')),
      pos,
    );
  }
});

test("WordNet's sense index lists each lemma's senses together (SenseCounts reads them as one run)", () => {
  const text = readFileSync(join(dictPath(), 'index.sense'), 'latin1');
  const seen = new Set<string>();
  let prev = '';
  for (const line of text.split('\n')) {
    if (!line) continue;
    const lemma = line.slice(0, line.indexOf('%'));
    if (lemma !== prev) {
      assert.ok(!seen.has(lemma), `${lemma}'s senses are split`);
      seen.add(lemma);
      prev = lemma;
    }
  }
  assert.ok(seen.size > 100_000);
});

test('SemCor counts by lemma and by synset: the tagged lines of index.sense, summed and looked up', () => {
  assert.ok(getSenseCounts());
  // "visit": 'visit%1:04:00:: 00760127 1 10'-like lines; the counts must add up to the lemma's total
  const senses = synsets('visit');
  assert.ok(senses.length > 3);
  const total = senseCount('visit');
  assert.ok(total > 0);
  assert.equal(
    senses
      .filter((s, i, all) => all.findIndex((x) => x.offset === s.offset) === i)
      .reduce((n, s) => n + senseCount('visit', s), 0),
    total,
  );
  assert.equal(senseCount('xqzv'), 0);
  assert.equal(senseCount('sleuthing'), 0, 'never tagged');
});

test('SenseCounts answers what Maps of every tagged line did, for every lemma and sense', () => {
  const text = readFileSync(join(dictPath(), 'index.sense'), 'latin1');
  const bySense = new Map<string, number>();
  const byLemma = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [key, off, , cnt] = line.split(' ');
    const n = Number(cnt);
    if (!key || !off || !n) continue;
    const lemma = key.slice(0, key.indexOf('%'));
    bySense.set(`${lemma} ${Number(off)}`, n);
    byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + n);
  }
  const counts = getSenseCounts();
  assert.ok(byLemma.size > 20_000);
  for (const [lemma, n] of byLemma) assert.equal(counts.count(lemma), n, lemma);
  for (const [key, n] of bySense) {
    const sp = key.lastIndexOf(' ');
    assert.equal(counts.count(key.slice(0, sp), Number(key.slice(sp + 1))), n, key);
  }
});
