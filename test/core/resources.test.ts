import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentResources, resource, Resources, withResources } from '../../server/core/resources.js';
import { frequencyRank, UNRANKED } from '../../server/lang/word-ranks.js';
import { loadLexicon } from '../../server/lang/lexicon.js';
import { DATA_DIR } from '../../server/paths.js';
import { tmpDir } from '../helpers/tmp.js';

// One Resources object owns a process's word lists and the memo tables built on them (core/resources.ts). A
// test can hand the code a fresh one over its own data folder instead of sharing the process's tables.

/** A data folder whose frequency list is three words in an order no English corpus has. */
function tinyData(): string {
  const dir = tmpDir();
  mkdirSync(join(dir, 'spin'), { recursive: true });
  writeFileSync(join(dir, 'spin', 'word-ranks.txt'), 'zebra\nquokka\nthe\n');
  return dir;
}

test('a fresh Resources object reads its own data folder, and its memo tables are its own', () => {
  const shipped = frequencyRank('the');
  assert.equal(shipped, 1);
  const mine = new Resources({ dataDir: tinyData() });
  assert.equal(
    withResources(mine, () => frequencyRank('the')),
    3,
  );
  assert.equal(
    withResources(mine, () => frequencyRank('zebra')),
    1,
  );
  assert.equal(
    withResources(mine, () => frequencyRank('house')),
    UNRANKED,
  );
  // the process's own tables, and their memo, are untouched
  assert.equal(frequencyRank('the'), 1);
  assert.ok(frequencyRank('house') < 5000);
});

test('members load on first use, once, and withResources restores the previous object', () => {
  let loads = 0;
  const TABLE = resource('test table', (res) => ({ dir: res.dataDir, n: ++loads }));
  const a = new Resources({ dataDir: '/nowhere-a' });
  const b = new Resources({ dataDir: '/nowhere-b' });
  assert.equal(a.has(TABLE), false);
  assert.equal(loads, 0);
  const first = a.get(TABLE);
  assert.equal(a.get(TABLE), first);
  assert.deepEqual(first, { dir: '/nowhere-a', n: 1 });
  const outer = currentResources();
  withResources(a, () => {
    assert.equal(currentResources(), a);
    withResources(b, () => assert.equal(currentResources().get(TABLE).dir, '/nowhere-b'));
    assert.equal(currentResources(), a);
  });
  assert.equal(currentResources(), outer);
  assert.equal(loads, 2);
  assert.throws(
    () =>
      withResources(a, () => {
        throw new Error('boom');
      }),
    /boom/,
  );
  assert.equal(currentResources(), outer);
});

test('a lexicon from another data folder is that folder’s', () => {
  const dir = tmpDir();
  cpSync(join(DATA_DIR, 'lexicon'), join(dir, 'lexicon'), { recursive: true });
  writeFileSync(join(dir, 'lexicon', 'tl-en.tsv'), 'tl\ten\tscore\nbahay\thouse\t1\n');
  const mine = new Resources({ dataDir: dir });
  const lex = withResources(mine, () => loadLexicon());
  assert.equal(lex.size, 1);
  assert.deepEqual(
    lex.translate('bahay').map((t) => t.en),
    ['house'],
  );
  assert.ok(loadLexicon().size > 1000, 'the shipped lexicon is still the process’s');
});
