// Segmentation speed: a 10,000-sentence document built from the seed articles, one 10 MB line, and a
// 5 MB file through ingest + segment. Writes bench/results/segment.json. Timings are wall-clock medians
// on a shared machine: treat them as rough.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestBuffer } from '../server/pipeline/ingest/index.js';
import { segmentDoc, segmentText } from '../server/pipeline/segment/index.js';
import { REPO, SEED_FILES, seed } from './paths.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(runs: number, f: () => unknown): { ms: number; result: unknown } {
  const ms: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    ms.push(performance.now() - t0);
  }
  return { ms: Math.round(median(ms)), result };
}

// Real sentences from all seeds, shuffled into paragraphs of 1–5 sentences until there are 10,000.
const pool = Object.keys(SEED_FILES).flatMap((k) =>
  segmentText(readFileSync(seed(k), 'utf8'))
    .filter((s) => !s.boilerplate)
    .map((s) => s.text),
);
const parts: string[] = [];
for (let i = 0; i < 10_000; i++) parts.push(pool[(i * 7919) % pool.length]! + (i % 4 === 3 ? '\n\n' : ' '));
const doc10k = parts.join('');

const tenK = time(5, () => segmentText(doc10k));
const oneLine = 'Putin met Kim and they talked about weapons and rockets and trains '
  .repeat(Math.ceil(10_000_000 / 68))
  .slice(0, 10_000_000);
const huge = time(3, () => segmentText(oneLine));
const fiveMb = Buffer.from(doc10k.repeat(Math.ceil(5_000_000 / doc10k.length)).slice(0, 5_000_000));
const file5 = time(3, () => ingestBuffer(fiveMb, 'big.txt', { maxBytes: 20_000_000 }).map(segmentDoc));

const result = {
  machine: 'shared 2-core container, other jobs running: rough figures',
  doc10k: { chars: doc10k.length, sentences: (tenK.result as unknown[]).length, medianMs: tenK.ms },
  singleLine10MB: { chars: oneLine.length, sentences: (huge.result as unknown[]).length, medianMs: huge.ms },
  file5MB: {
    bytes: fiveMb.length,
    sentences: (file5.result as { segments: unknown[] }[])[0]?.segments.length ?? 0,
    medianMs: file5.ms,
  },
};
mkdirSync(join(REPO, 'bench/results'), { recursive: true });
writeFileSync(join(REPO, 'bench/results/segment.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
