import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './paths.js';

// `tapat audit INPUT --jsonl --workers 0` once per config, all in this one process (the built CLI's own
// main(), as bin/tapat.js calls it), so a test can try dozens of configs without paying for loading the word
// lists each time. Usage: tsx test/helpers/audit-configs.ts JOB.json → writes JOB.json's `out` file:
// [{ code, stdout, stderr }] in config order. A config is written to its own TAPAT_CONFIG file; null = none.

interface Job {
  input: string;
  dir: string;
  configs: (object | null)[];
  out: string;
}

const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Job;
const { main } = (await import(pathToFileURL(join(REPO, 'dist', 'server', 'cli.js')).href)) as {
  main: (argv: string[]) => Promise<number>;
};
const results: { code: number; stdout: string; stderr: string }[] = [];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
for (const [i, config] of job.configs.entries()) {
  const file = join(job.dir, `config-${i}.json`);
  writeFileSync(file, JSON.stringify(config ?? {}));
  process.env.TAPAT_CONFIG = file;
  process.env.TAPAT_DB = '';
  process.exitCode = 0;
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((c: string | Uint8Array) => ((stdout += String(c)), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => ((stderr += String(c)), true)) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main([
      'audit',
      job.input,
      '--db',
      join(job.dir, `audit-${i}.db`),
      '--jsonl',
      '--quiet',
      '--workers',
      '0',
    ]);
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  results.push({ code, stdout, stderr });
}
writeFileSync(job.out, JSON.stringify(results));
