import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../test/helpers/paths.js';

// The batch the load benchmark runs beside the reviewers: FLORES-200 dev articles from ../shared, each as an
// English and a Tagalog JSONL record (real news-like text, real stories to group, align and check).
const lines = (name: string): string[] => readFileSync(join(SHARED, 'data', 'parallel', name), 'utf8').split('\n').filter(Boolean);

export function loadCorpus(maxStories: number): { jsonl: string; records: number; stories: number } {
  const en = lines('flores200-dev.en');
  const tl = lines('flores200-dev.tl');
  const doc = lines('flores200-dev.docid');
  const stories: number[][] = [];
  doc.forEach((d, i) => {
    if (i === 0 || d !== doc[i - 1]) stories.push([]);
    stories.at(-1)!.push(i);
  });
  const picked = stories.filter((s) => s.length >= 2).slice(0, maxStories);
  const para = (xs: string[]): string => xs.join('\n\n') + '\n';
  const records = picked.flatMap((s, n) => [
    { url: `bench://load/${n}/en`, title: en[s[0]!], lang: 'en', text: para(s.map((i) => en[i]!)) },
    { url: `bench://load/${n}/tl`, title: tl[s[0]!], lang: 'tl', text: para(s.map((i) => tl[i]!)) },
  ]);
  return { jsonl: records.map((r) => JSON.stringify(r)).join('\n') + '\n', records: records.length, stories: picked.length };
}
