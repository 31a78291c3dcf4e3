import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../paths.js';

export const lines = (file: string): string[] => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');

export interface ParallelDoc {
  id: string;
  tl: string[];
  en: string[];
}

/** A parallel dev set grouped into documents by its doc ids (documents are contiguous). */
export function parallelDocs(set: 'flores200-dev' | 'tico19-dev'): ParallelDoc[] {
  const dir = join(SHARED, 'data', 'parallel');
  const tl = lines(join(dir, `${set}.tl`));
  const en = lines(join(dir, `${set}.en`));
  const ids = lines(join(dir, `${set}.docid`));
  const docs: ParallelDoc[] = [];
  ids.forEach((id, k) => {
    let d = docs[docs.length - 1];
    if (!d || d.id !== id) docs.push((d = { id, tl: [], en: [] }));
    d.tl.push((tl[k] ?? '').trim());
    d.en.push((en[k] ?? '').trim());
  });
  return docs;
}
