import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './paths.js';

/** The English side of a parallel dev set in ../shared/data/parallel as whole documents (lines joined by doc id). */
export function englishDocs(name: string): { id: string; text: string }[] {
  const dir = join(SHARED, 'data', 'parallel');
  const lines = readFileSync(join(dir, `${name}.en`), 'utf8').split('\n');
  const ids = readFileSync(join(dir, `${name}.docid`), 'utf8').split('\n');
  const by = new Map<string, string[]>();
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    const id = ids[i] as string;
    by.set(id, [...(by.get(id) ?? []), l.trim()]);
  });
  return [...by].map(([id, ls]) => ({ id: `${name}:${id}`, text: ls.join(' ') }));
}
