// Builds the server and its contract (one ESM file per source file), the command's bundle of the server
// (dist/bundle: what bin/tapat.js runs; source maps map its stack traces to the sources) and the client (one bundle). esbuild does not type-check: `npm test` runs tsc --noEmit for that.
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
// contract/ (the HTTP and JSONL schemas) is imported by the server at run time, so it is built beside it.
await build({
  entryPoints: [...listTs('server'), ...listTs('contract')],
  outdir: 'dist',
  outbase: '.',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The command (bin/tapat.js) runs from one bundle of the server, dist/bundle/cli.js: loading ~150 ES modules one
// by one (resolve, read, link each) was a third of what `tapat align` spent before its first sentence. Split at
// the dynamic imports, so a command still loads only the code it uses (the shared chunks sit beside the entries:
// the batch pool starts its threads from ./worker.js next to its own code). The per-file tree above stays for
// what imports single modules (the build's prebuilding below, bench/batch.ts).
await build({
  entryPoints: { cli: 'server/cli.ts', worker: 'server/pipeline/batch/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  packages: 'external',
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

// The prebuilt tables (data/prebuilt: tables derived from installed packages and the word lists' line indexes,
// one version stamp derived from their inputs and code: server/lang/prebuilt.ts), made here once rather than in
// every process that needs them. The list is the product's own (server/pipeline/resources.ts), which the batch
// workers warm from. Where earlier builds kept them (data/cache, data/wordnet) is cleared.
for (const old of ['data/cache', 'data/wordnet']) rmSync(old, { recursive: true, force: true });
const { prebuildResources } = await import('../dist/server/pipeline/resources.js');
prebuildResources();
