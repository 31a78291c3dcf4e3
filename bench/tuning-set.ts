import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './paths.js';

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
  return (Object.keys(FILES) as TuningSource[]).flatMap((source) =>
    group(readFileSync(FILES[source], 'utf8').split('\n')).map((text) => ({ source, text })),
  );
}

/**
 * Clean news English for tuning the spin gates: the hand-made article bodies of the extraction benchmark's
 * pages (../shared/data/extraction/ground-truth.json, Zyte, MIT), the English ones, cut to about `words`
 * words at a paragraph end. Tatoeba and UD sentences are simpler than news: a gate tuned on them alone
 * opened on FLORES news.
 */
export function tuningNews(words = 400): string[] {
  const gt = JSON.parse(readFileSync(join(SHARED, 'data', 'extraction', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  const out: string[] = [];
  for (const v of Object.values(gt)) {
    const body = v.articleBody ?? '';
    // English only: most of the pages are; a page in another language has few English function words
    const ws = body.split(/\s+/);
    const en = ws.filter((w) => /^(the|and|of|to|a|in|is|that|for|it|with|was|on)$/i.test(w)).length;
    if (ws.length < 80 || en / ws.length < 0.12) continue;
    let cut = '';
    for (const para of body.split(/\n+/)) {
      if (!para.trim()) continue;
      cut = cut ? `${cut}\n\n${para.trim()}` : para.trim();
      if (cut.split(/\s+/).length >= words) break;
    }
    out.push(cut);
  }
  return out;
}
