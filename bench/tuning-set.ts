import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../test/helpers/paths.js';

// The spin tuning text — NOT the bench corpus: Tatoeba test English and the UD English sentences (../shared),
// grouped into ~150-word pseudo-documents. bench/spin-train.ts trains on it, bench/spin-tune.ts scores
// thresholds on it; bench/spin.ts never reads it.

function group(lines: string[], words = 150): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let n = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    cur.push(l.trim());
    n += l.split(/\s+/).length;
    if (n >= words) {
      out.push(cur.join(' '));
      cur = [];
      n = 0;
    }
  }
  return out;
}

export type TuningSource = 'tatoeba' | 'ud';
const FILES: Record<TuningSource, string> = {
  tatoeba: join(SHARED, 'data', 'parallel', 'tatoeba-test.en'),
  ud: join(SHARED, 'data', 'lexicon', 'parallel', 'ud-tagalog-trg.en'),
};

/** The pseudo-documents of each source, Tatoeba first. */
export function tuningTexts(): { source: TuningSource; text: string }[] {
  return (Object.keys(FILES) as TuningSource[]).flatMap((source) => group(readFileSync(FILES[source], 'utf8').split('\n')).map((text) => ({ source, text })));
}
