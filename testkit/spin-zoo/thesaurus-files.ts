import { existsSync, readFileSync } from 'node:fs';

// Readers of the two Debian thesauri the thesaurus-file family spins with (installed by setup.sh, read
// from /usr/share at bench time; nothing derived from them is shipped: aiksaurus is GPL-2+).
// Both map a lowercase headword to its meanings, each a list of replacement words.

export type Thesaurus = Map<string, string[][]>;

export const MYTHES = '/usr/share/mythes/th_en_US_v2.dat';
export const AIKSAURUS = '/usr/share/aiksaurus';

/**
 * MyThes (LibreOffice's en_US thesaurus, WordNet-derived): "word|n" then n lines "(pos)|syn|syn (generic term)|…".
 * Antonyms are dropped (a spinner's list offers them too, but a swap to an antonym is not a synonym swap
 * and would make the gold wrong); the "(generic term)"/"(similar term)" notes are cut off the word.
 */
export function readMythes(path = MYTHES): Thesaurus {
  const lines = readFileSync(path, 'latin1').split('\n');
  const out: Thesaurus = new Map();
  let i = 1; // first line: the encoding
  while (i < lines.length) {
    const head = lines[i++] as string;
    const bar = head.lastIndexOf('|');
    if (bar < 0) continue;
    const word = head.slice(0, bar).toLowerCase();
    const n = Number(head.slice(bar + 1));
    const meanings: string[][] = [];
    for (let k = 0; k < n && i < lines.length; k++) {
      const parts = (lines[i++] as string).split('|').slice(1);
      const syns = parts
        .filter((p) => !/\(antonym\)/.test(p))
        .map((p) => p.replace(/\s*\([^)]*\)\s*$/, '').trim())
        .filter((p) => p && p.toLowerCase() !== word);
      if (syns.length) meanings.push(syns);
    }
    if (meanings.length) out.set(word, meanings);
  }
  return out;
}

/**
 * Aiksaurus: words.dat holds NUL-terminated words ("a:cappella", ':' for a space), each followed by its
 * meaning ids (16-bit big-endian) up to 0xFFFF; meanings.dat holds per meaning its word ids up to 0xFFFF.
 */
export function readAiksaurus(dir = AIKSAURUS): Thesaurus {
  const wbuf = readFileSync(`${dir}/words.dat`);
  const mbuf = readFileSync(`${dir}/meanings.dat`);
  const words: string[] = [];
  const wordMeanings: number[][] = [];
  let i = 0;
  while (i < wbuf.length) {
    const z = wbuf.indexOf(0, i);
    if (z < 0) break;
    words.push(wbuf.toString('latin1', i, z).replace(/:/g, ' '));
    i = z + 1;
    const ids: number[] = [];
    while (i + 1 < wbuf.length) {
      const v = wbuf.readUInt16BE(i);
      i += 2;
      if (v === 0xffff) break;
      ids.push(v);
    }
    wordMeanings.push(ids);
  }
  const meanings: number[][] = [];
  let cur: number[] = [];
  for (let j = 0; j + 1 < mbuf.length; j += 2) {
    const v = mbuf.readUInt16BE(j);
    if (v === 0xffff) {
      meanings.push(cur);
      cur = [];
    } else cur.push(v);
  }
  const out: Thesaurus = new Map();
  words.forEach((w, k) => {
    const lower = w.toLowerCase();
    const ms = (wordMeanings[k] ?? [])
      .map((m) =>
        (meanings[m] ?? [])
          .map((id) => words[id])
          .filter((x): x is string => x !== undefined && x.toLowerCase() !== lower),
      )
      .filter((m) => m.length > 0);
    if (ms.length) out.set(lower, ms);
  });
  return out;
}

export const thesauriInstalled = (): boolean => existsSync(MYTHES) && existsSync(`${AIKSAURUS}/words.dat`);
