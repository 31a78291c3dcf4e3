// Builds the server (one ESM file per source file, no bundling, so stack traces map to sources)
// and the client (one bundle). esbuild does not type-check: `npm test` runs tsc --noEmit for that.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

function listTs(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: listTs('server'),
  outdir: 'dist/server',
  outbase: 'server',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
mkdirSync('client/dist', { recursive: true });
await build({
  entryPoints: ['client/src/main.ts'],
  outfile: 'client/dist/app.js',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const f of ['index.html', 'styles.css', 'favicon.svg']) copyFileSync(join('client', f), join('client/dist', f));

// Data derived from installed packages, counted once here rather than in every process that needs it.
const { ensureGlossFile } = await import('../dist/server/lang/wordnet/glossgrams-file.js');
ensureGlossFile();
const { ensureVocabularyFile } = await import('../dist/server/pipeline/detect/spin/vocabulary-file.js');
ensureVocabularyFile();
// The word lists' line indexes (data/cache), kept by the first process that builds them: built here so
// that no batch worker has to.
const { getLemmaIndex, getSenseCounts } = await import('../dist/server/lang/wordnet/files.js');
const { loadVocabulary } = await import('../dist/server/lang/wordnet/vocabulary.js');
const { frequencyRank } = await import('../dist/server/lang/word-ranks.js');
const { newsRank } = await import('../dist/server/lang/vectors.js');
const { loadLexicon } = await import('../dist/server/lang/lexicon.js');
loadLexicon();
getLemmaIndex();
getSenseCounts();
loadVocabulary();
frequencyRank('the');
newsRank('the');
