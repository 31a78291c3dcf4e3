import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../fs/write-atomic.js';

// The lexicon's English glosses and its respelled name pairs (entities.ts) as a prebuilt table,
// data/prebuilt/lexicon-glosses.txt: working them out reads the whole lexicon and keys ~22,000 of its pairs by
// spelling, most of what `tapat check` spent on names before its first sentence. The file names the prebuilt
// version it was made for (lang/prebuilt.ts); a file of another version is made again by whoever meets it.
//
// Layout: "tapat-lexicon-glosses <version>", "glosses <n>", n words, "respelled <m>", m keys ("tl:tsina"), "end".

export interface LexiconGlosses {
  /** every single-word English gloss of the lexicon */
  glossSet: Set<string>;
  /** "tl:word" / "en:word" of the pairs where the Tagalog is a respelling of the English */
  transliterated: Set<string>;
}

const header = (version: string): string => `tapat-lexicon-glosses ${version}`;

/** The table in the file, or null when it is missing, cut short or made for another version. */
export function readLexiconGlosses(file: string, version: string): LexiconGlosses | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[0] !== header(version)) return null;
  const n = Number(/^glosses (\d+)$/.exec(lines[1] ?? '')?.[1] ?? NaN);
  const m = Number(/^respelled (\d+)$/.exec(lines[2 + n] ?? '')?.[1] ?? NaN);
  if (!Number.isInteger(n) || !Number.isInteger(m) || lines[3 + n + m] !== 'end') return null;
  return {
    glossSet: new Set(lines.slice(2, 2 + n)),
    transliterated: new Set(lines.slice(3 + n, 3 + n + m)),
  };
}

/** Writes the table (aside and renamed) and gives it back; a folder that cannot be written keeps nothing. */
export function writeLexiconGlosses(file: string, version: string, t: LexiconGlosses): LexiconGlosses {
  const text = [
    header(version),
    `glosses ${t.glossSet.size}`,
    ...t.glossSet,
    `respelled ${t.transliterated.size}`,
    ...t.transliterated,
    'end',
  ];
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, text.join('\n') + '\n');
  } catch {
    // a read-only install: every process works them out
  }
  return t;
}
