import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Sources run from server/ (tsx) and from dist/server/ (built), at different depths,
// so the package root is found by walking up to package.json rather than by a fixed "../..".
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('tapat: cannot find the package root (package.json + migrations/)');
    dir = up;
  }
}

export const ROOT = findRoot();
export const DATA_DIR = join(ROOT, 'data');
export const MIGRATIONS_DIR = join(ROOT, 'migrations');
export const CLIENT_DIST = join(ROOT, 'client', 'dist');
export const SAMPLES_DIR = join(DATA_DIR, 'samples');
export const dataPath = (...parts: string[]): string => join(DATA_DIR, ...parts);
