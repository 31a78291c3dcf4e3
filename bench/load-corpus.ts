import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, SHARED } from './paths.js';

// The batch the load benchmark runs beside the reviewers. With ../shared present: FLORES-200 dev articles,
// each as an English and a Tagalog JSONL record (real news-like text, real stories to group, align and check).
// Without it (a clone alone, issue 22): the five real articles shipped in data/samples (see data/SOURCES.md),
// each copy made a distinct document by a numbered lead line and a rotation of its paragraphs.

export interface LoadCorpus {
  source: string;
  jsonl: string;
  records: number;
  stories: number;
}

const FLORES = join(SHARED, 'data', 'parallel');
const lines = (name: string): string[] => readFileSync(join(FLORES, name), 'utf8').split('\n').filter(Boolean);

function flores(maxStories: number): LoadCorpus {
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
  return {
    source: 'FLORES-200 dev (../shared/data/parallel)',
    jsonl: records.map((r) => JSON.stringify(r)).join('\n') + '\n',
    records: records.length,
    stories: picked.length,
  };
}

function samples(maxStories: number): LoadCorpus {
  const dir = join(REPO, 'data', 'samples');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    );
  // Two records per story, as with FLORES: the Tagalog article (sample 0) and one of the English ones.
  const records = Array.from({ length: maxStories }, (_, n) =>
    [0, 1 + (n % (texts.length - 1))].map((k) => {
      const paras = texts[k]!;
      const rot = n % paras.length;
      const body = [...paras.slice(rot), ...paras.slice(0, rot)];
      const lead = k === 0 ? `Ulat bilang ${n + 1}.` : `Report number ${n + 1}.`;
      return {
        url: `bench://load/${n}/${k}`,
        title: `${lead} ${paras[0]!.slice(0, 60)}`,
        lang: k === 0 ? 'tl' : 'en',
        text: [lead, ...body].join('\n\n') + '\n',
      };
    }),
  ).flat();
  return {
    source: 'data/samples (five real articles, numbered copies)',
    jsonl: records.map((r) => JSON.stringify(r)).join('\n') + '\n',
    records: records.length,
    stories: maxStories,
  };
}

export function loadCorpus(maxStories: number, which: 'auto' | 'flores' | 'samples' = 'auto'): LoadCorpus {
  const haveFlores = existsSync(join(FLORES, 'flores200-dev.en'));
  if (which === 'flores' && !haveFlores) throw new Error(`--corpus flores: ${FLORES} is missing`);
  return which === 'samples' || !haveFlores ? samples(maxStories) : flores(maxStories);
}
