import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resource, currentResources, type Resources } from '../core/resources.js';
import { ROOT } from '../paths.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { dictPath } from './wordnet/dict-path.js';

// The prebuilt tables, in one folder (data/prebuilt, written by the build: scripts/build.mjs → prebuildResources):
// the gloss pair table (glossgrams.bin), the news vocabulary's lemmas and synset-mates (vocabulary.txt) and the
// word lists' line indexes (*.lix). They have ONE version: a hash of the bytes of every file they are made from
// (WordNet's, the shipped word lists) and of the source code that makes them. Each table records the version it
// was made for and is used only when that is the version now; a table of another version is stale, and whoever
// meets it builds it again (its reader says how). It used to be three formats, each with its own check and one a
// hand-bumped number that a change to the computations had to remember.
//
// stamp.json keeps the version with the sizes and times of the inputs and of the code's files, so that a process
// works out the version from ~45 stat calls, not by reading 40 MB: when a file's size or time has moved, the bytes
// are hashed again (a touched file keeps the version; an edited one does not).

/** The source files whose code decides what a prebuilt table holds: every module the builders import (the
 * closure of pipeline/resources.ts; test/lang/prebuilt.test.ts checks that this list is that closure). */
export const BUILDER_SOURCES: readonly string[] = [
  'server/core/resources.ts',
  'server/fs/write-atomic.ts',
  'server/lang/entities.ts',
  'server/lang/fnv.ts',
  'server/lang/lexicon-glosses-file.ts',
  'server/lang/lexicon.ts',
  'server/lang/line-index-file.ts',
  'server/lang/line-index.ts',
  'server/lang/numberWords.ts',
  'server/lang/own.ts',
  'server/lang/prebuilt.ts',
  'server/lang/text-norm.ts',
  'server/lang/tl-morph.ts',
  'server/lang/vectors.ts',
  'server/lang/word-ranks.ts',
  'server/lang/wordnet/common-word.ts',
  'server/lang/wordnet/dict-path.ts',
  'server/lang/wordnet/files.ts',
  'server/lang/wordnet/glossgrams-count.ts',
  'server/lang/wordnet/glossgrams-file.ts',
  'server/lang/wordnet/glossgrams.ts',
  'server/lang/wordnet/index.ts',
  'server/lang/wordnet/inflect.ts',
  'server/lang/wordnet/irregular.ts',
  'server/lang/wordnet/morphy.ts',
  'server/lang/wordnet/vocabulary.ts',
  'server/memo.ts',
  'server/paths.ts',
  'server/pipeline/detect/spin/bigrams.ts',
  'server/pipeline/detect/spin/mates-table.ts',
  'server/pipeline/detect/spin/stopwords.ts',
  'server/pipeline/detect/spin/tokens.ts',
  'server/pipeline/detect/spin/units.ts',
  'server/pipeline/detect/spin/vocabulary-file.ts',
  'server/pipeline/resources.ts',
];

const WORDNET_FILES = [
  'index.noun',
  'index.verb',
  'index.adj',
  'index.adv',
  'index.sense',
  'data.noun',
  'data.verb',
  'data.adj',
  'data.adv',
];
const DATA_FILES = [
  ['spin', 'word-ranks.txt'],
  ['spin', 'glove.words'],
  ['spin', 'unigrams.tsv'],
  ['spin', 'bigrams.tsv'],
  ['lexicon', 'tl-en.tsv'],
] as const;

/** The files the tables are made from: a stable name (hashed with the bytes) and where it is. */
function inputsOf(res: Resources): { name: string; path: string }[] {
  return [
    ...WORDNET_FILES.map((f) => ({ name: `wordnet/${f}`, path: join(dictPath(), f) })),
    ...DATA_FILES.map((p) => ({ name: p.join('/'), path: res.dataPath(...p) })),
  ];
}

export interface PrebuiltStore {
  /** the folder (data/prebuilt for the shipped data) */
  dir: string;
  /** the version the tables must have been made for (hex) */
  version: string;
  path(name: string): string;
}

interface FileStat {
  name: string;
  size: number;
  mtimeMs: number;
}
interface Stamp {
  version: string;
  /** the builder code's hash, and the stats of its files when it was hashed */
  code: string;
  codeFiles: FileStat[];
  inputs: FileStat[];
}

const isStats = (xs: unknown): xs is FileStat[] =>
  Array.isArray(xs) &&
  xs.every(
    (i: Partial<FileStat>) =>
      typeof i?.name === 'string' && typeof i.size === 'number' && typeof i.mtimeMs === 'number',
  );
const sameStats = (a: FileStat[], b: FileStat[]): boolean =>
  a.length === b.length &&
  a.every((s, k) => s.name === b[k]!.name && s.size === b[k]!.size && s.mtimeMs === b[k]!.mtimeMs);

/** Size and time of each file (-1 for a missing one: a data folder without one of the lists, a test's). */
const statsOf = (files: { name: string; path: string }[]): FileStat[] =>
  files.map((f) => {
    const st = statSync(f.path, { throwIfNoEntry: false });
    return { name: f.name, size: st?.size ?? -1, mtimeMs: st?.mtimeMs ?? -1 };
  });

// our own file, read on every start: checked by hand (zod is not loaded for it)
const isStamp = (x: unknown): x is Stamp => {
  const s = x as Partial<Stamp> | null;
  return typeof s?.version === 'string' && typeof s.code === 'string' && isStats(s.codeFiles) && isStats(s.inputs);
};

const CODE_FILES = (): { name: string; path: string }[] =>
  BUILDER_SOURCES.map((f) => ({ name: f, path: join(ROOT, f) }));

function codeHash(): string {
  const h = createHash('sha256');
  for (const f of CODE_FILES()) {
    h.update(`${f.name}\0`);
    try {
      h.update(readFileSync(f.path));
    } catch {
      h.update('\0missing'); // an install without sources: its tables are rebuilt by the code that runs
    }
  }
  return h.digest('hex');
}

function readStamp(file: string): Stamp | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isStamp(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const PREBUILT = resource('prebuilt tables (data/prebuilt, their version)', (res): PrebuiltStore => {
  const dir = res.prebuiltDir;
  const store = (version: string): PrebuiltStore => ({ dir, version, path: (name) => join(dir, name) });
  const inputs = inputsOf(res);
  const stats = statsOf(inputs);
  const codeFiles = statsOf(CODE_FILES());
  const stampFile = join(dir, 'stamp.json');
  const stamp = readStamp(stampFile);
  // the code's files as they were when the stamp hashed them: its hash stands (a dozen stat calls, no reading)
  const code = stamp && sameStats(stamp.codeFiles, codeFiles) ? stamp.code : codeHash();
  if (stamp && stamp.code === code && sameStats(stamp.inputs, stats)) return store(stamp.version);
  // the inputs or the code moved (or there is no stamp yet): the version from the bytes themselves
  const h = createHash('sha256').update(`code ${code}\0`);
  inputs.forEach((i, k) => {
    h.update(`${i.name}\0`);
    if (stats[k]!.size >= 0) h.update(readFileSync(i.path));
    h.update(stats[k]!.size >= 0 ? '\0' : '\0missing\0');
  });
  const version = h.digest('hex');
  try {
    mkdirSync(dir, { recursive: true });
    const kept: Stamp = { version, code, codeFiles, inputs: stats };
    writeFileAtomic(stampFile, JSON.stringify(kept, null, 1) + '\n');
  } catch {
    // a read-only install: every process works the version out again
  }
  return store(version);
});

/** The prebuilt tables' folder and current version of a Resources object (the current one by default). */
export const prebuilt = (res: Resources = currentResources()): PrebuiltStore => res.get(PREBUILT);
