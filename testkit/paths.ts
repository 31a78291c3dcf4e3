import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

// Where things are in the repository, for tests and benchmarks alike. Only repository paths: the data beside the clone, which
// benchmarks may read and tests may not, is named in bench/paths.ts.
export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const SEEDS = join(REPO, 'data', 'samples');
/** The tl–en dev sets the tests use, shipped in the repository (test/fixtures/parallel/SOURCES.md). */
export const PARALLEL = join(REPO, 'test', 'fixtures', 'parallel');
export const seed = (prefix: string): string => join(SEEDS, SEED_FILES[prefix as keyof typeof SEED_FILES]);
export const SEED_FILES = {
  '000': '000_922bb823d51d308a.txt',
  '001': '001_13bda4f2a4d9edd0.txt',
  '002': '002_806e8c7e3c44af47.txt',
  '003': '003_b9144d03c3ea120f.txt',
  '004': '004_e531a566a553fdbb.txt',
} as const;
