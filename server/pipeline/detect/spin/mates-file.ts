import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataPath } from '../../../paths.js';
import { encodeMates, MATES_FILE, matesFooter, matesHeader, readMatesFile } from './mates-table.js';
import { matesOf } from './units.js';

// Writes data/wordnet/mates.txt (mates-table.ts) at build time: the mates of every word form of the
// English word vectors' vocabulary (the 80,000 commonest forms in news) that a spin unit can be.

const UNIT_FORM = /^[a-z]+(?:[-'][a-z]+)*$/;

const vocabulary = (): string[] => readFileSync(dataPath('spin', 'glove.words'), 'utf8').split('\n');

export function writeMatesFile(file = MATES_FILE, words = vocabulary()): void {
  const lines = [matesHeader()];
  for (const w of new Set(words)) if (UNIT_FORM.test(w)) lines.push(encodeMates(w, matesOf(w)));
  lines.push(matesFooter(lines.length - 1));
  mkdirSync(dirname(file), { recursive: true });
  // written aside and renamed: a reader never sees half a file
  writeFileSync(`${file}.tmp`, lines.join('\n') + '\n');
  renameSync(`${file}.tmp`, file);
}

/** Writes the file unless an up-to-date one is there. */
export function ensureMatesFile(): void {
  if (!readMatesFile(MATES_FILE)) writeMatesFile();
}
