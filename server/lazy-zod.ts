import { createRequire } from 'node:module';

// zod for modules that every command loads (the config, JSONL records) yet most runs never use: loading zod
// and building schemas cost ~0.14 CPU-s of a `tapat align` run that reads no config file (bench/startup.ts).
// Its CommonJS build is loaded on first use, so that validation stays synchronous.
let lib: typeof import('zod') | null = null;
export const lazyZod = (): typeof import('zod') =>
  (lib ??= createRequire(import.meta.url)('zod') as typeof import('zod'));
