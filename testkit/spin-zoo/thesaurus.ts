import { readAiksaurus, readMythes, type Thesaurus } from './thesaurus-files.js';
import { FUNCTION_WORDS, likeCase, pick, wordsOf } from './words.js';
import type { Family, Piece } from './types.js';

// (b) Thesaurus-file word spinners: the free tools that ship a synonym file and swap a word found in it
// (surface form, no lemmatising, no sense choice) for a random entry of a random meaning. Names at the
// start of a sentence are fair game for them; names inside a sentence are left to the proper-noun family.

function thesaurusFamily(id: string, load: () => Thesaurus, describes: string): Family {
  let th: Thesaurus | null = null;
  return {
    id,
    describes,
    pieces(original, r, opts) {
      th ??= load();
      const out: Piece[] = [];
      for (const w of wordsOf(original)) {
        const lower = w.text.toLowerCase();
        if (FUNCTION_WORDS.has(lower) || w.text.length < 3 || /\d/.test(w.text)) continue;
        if (/^\p{Lu}/u.test(w.text) && !w.sentenceStart) continue;
        const meanings = th.get(lower);
        if (!meanings || r() >= opts.rate) continue;
        const rep = pick(r, pick(r, meanings));
        if (rep.toLowerCase() === lower) continue;
        out.push({ start: w.start, end: w.end, replacement: likeCase(w.text, rep), kind: 'spin', by: id });
      }
      return out;
    },
  };
}

export const mythesFamily = thesaurusFamily(
  'thesaurus-mythes',
  readMythes,
  "a word spinner on LibreOffice's en_US MyThes thesaurus (Debian mythes-en-us)",
);
export const aiksaurusFamily = thesaurusFamily(
  'thesaurus-aiksaurus',
  readAiksaurus,
  'a word spinner on the Aiksaurus thesaurus (Debian libaiksaurus-1.2-data)',
);
