import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { cpSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Resources, withResources } from '../../server/core/resources.js';
import { BUILDER_SOURCES, prebuilt } from '../../server/lang/prebuilt.js';
import { frequencyRank } from '../../server/lang/word-ranks.js';
import { indexCachePath } from '../../server/lang/line-index-file.js';
import { DATA_DIR } from '../../server/paths.js';
import { REPO } from '../helpers/paths.js';
import { tmpDir } from '../helpers/tmp.js';

// The prebuilt tables (data/prebuilt) have one version, a hash of their inputs' bytes and of the code that makes
// them (lang/prebuilt.ts). A table is used only when it was made for the version of now.

test('the code of the prebuilt version is every module the builders import', async () => {
  const r = await build({
    entryPoints: [join(REPO, 'server/pipeline/resources.ts')],
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    absWorkingDir: REPO,
  });
  const closure = Object.keys(r.metafile.inputs)
    .map((f) => relative(REPO, join(REPO, f)))
    .sort();
  assert.deepEqual([...BUILDER_SOURCES].sort(), closure);
});

/** A data folder of its own: the shipped lists linked, the frequency list copied (so a test may edit it). */
function ownData(): string {
  const dir = tmpDir();
  mkdirSync(join(dir, 'spin'));
  for (const f of ['glove.words', 'unigrams.tsv', 'bigrams.tsv'])
    symlinkSync(join(DATA_DIR, 'spin', f), join(dir, 'spin', f));
  cpSync(join(DATA_DIR, 'spin', 'word-ranks.txt'), join(dir, 'spin', 'word-ranks.txt'));
  symlinkSync(join(DATA_DIR, 'lexicon'), join(dir, 'lexicon'));
  return dir;
}

test('the version follows the inputs’ bytes, not their times, and a stale line index is built again', () => {
  const dir = ownData();
  const first = new Resources({ dataDir: dir });
  const v1 = prebuilt(first).version;
  assert.match(v1, /^[0-9a-f]{64}$/);
  assert.ok(existsSync(join(dir, 'prebuilt', 'stamp.json')), 'the stamp is kept with the tables');
  assert.equal(
    withResources(first, () => frequencyRank('the')),
    1,
  );
  const ranks = join(dir, 'spin', 'word-ranks.txt');
  const lix = indexCachePath(ranks, '\t', join(dir, 'prebuilt'));
  assert.ok(existsSync(lix), 'the list’s index is kept with the other prebuilt tables');

  // touched: the same bytes, the same version, the kept index still used
  const later = new Date(Date.now() + 10_000);
  utimesSync(ranks, later, later);
  const touched = new Resources({ dataDir: dir });
  assert.equal(prebuilt(touched).version, v1);

  // edited: another version; the kept index (of the old version) is not used but built again
  appendFileSync(ranks, 'zzyzxword\n');
  const edited = new Resources({ dataDir: dir });
  const v2 = prebuilt(edited).version;
  assert.notEqual(v2, v1);
  const before = statSync(lix).ino;
  assert.equal(
    withResources(edited, () => frequencyRank('zzyzxword')),
    readFileSync(ranks, 'utf8').split('\n').length - 1,
  );
  assert.notEqual(statSync(lix).ino, before, 'rewritten for the new version');
  assert.equal(JSON.parse(readFileSync(join(dir, 'prebuilt', 'stamp.json'), 'utf8')).version, v2);
});

test('the build’s tables are of the current version (npm run build writes them)', () => {
  const store = prebuilt(new Resources());
  const stamp = JSON.parse(readFileSync(join(store.dir, 'stamp.json'), 'utf8')) as { version: string };
  assert.equal(stamp.version, store.version);
  for (const f of ['glossgrams.bin', 'vocabulary.txt']) assert.ok(existsSync(join(store.dir, f)), f);
});
