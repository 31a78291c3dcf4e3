import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  extractEntities,
  foldTokens,
  missingTokens,
  NameIndex,
  nameIndex,
  nameKey,
  repairMojibake,
  variants,
} from '../../server/lang/entities.js';
import { enKey, loadLexicon } from '../../server/lang/lexicon.js';
import type { Lang } from '../../server/pipeline/types.js';

// The name index makes its glosses and keys on first use, and those of the joined word pairs only when the
// text's own words fail. Checked against the index as it was built before (all at once, one word set), on
// real parallel text (test/fixtures/parallel: FLORES-200, TICO-19, Tatoeba; licences in its SOURCES.md).

/** The index as the batch built it before: every word, gloss and key made at once. */
function eagerIndex(text0: string, lang: Lang): { words: Set<string>; glosses: Set<string>; keys: string[] } {
  const text = repairMojibake(text0);
  const tokens = foldTokens(text.replace(/[^\p{L}\p{M}\d\s'’-]/gu, ' '));
  const words = new Set(tokens);
  for (let k = 0; k + 1 < tokens.length; k++)
    if (tokens[k]!.length <= 4 || tokens[k + 1]!.length <= 4) words.add(tokens[k]! + tokens[k + 1]!);
  if (lang === 'tl')
    for (const w of [...words]) if (w.length >= 5 && w.endsWith('ng')) words.add(w.slice(0, -1)).add(w.slice(0, -2));
  const glosses = new Set<string>();
  if (lang === 'en') for (const w of words) glosses.add(enKey(w));
  if (lang === 'tl') for (const w of words) for (const t of loadLexicon().translate(w)) glosses.add(t.en);
  return { words, glosses, keys: [...words].filter((w) => w.length >= 3).flatMap((w) => variants(w).map(nameKey)) };
}

const lines = (name: string): string[] =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'parallel', name), 'utf8')
    .split('\n')
    .filter(Boolean);

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

test('name index: words, glosses and keys as the eager index had them, on real parallel text', () => {
  const made: Record<Lang, string[]> = { en: [], tl: [], other: [] };
  for (const corpus of ['flores200-dev', 'tico19-dev', 'tatoeba-test']) {
    made.en.push(...lines(`${corpus}.en`).slice(0, 600));
    made.tl.push(...lines(`${corpus}.tl`).slice(0, 600));
  }
  // the awkward cases: joined names, a joined pair that is also a word, linkers on joined pairs, mojibake
  made.en.push(
    'The A1 GP team met at KV 62 and KV62.',
    'A1 GP A1GP a1gp',
    'BarÃ§a beat MÃ¼slÃ¼m FC at the U.S. Open.',
    '',
  );
  made.tl.push(
    'Ang Hapong alamat at ang Amerikang sundalo sa KV 62.',
    'sa ng sang saan ng Pilipinas',
    'ang BarÃ§a ng Espanya',
    '',
  );
  let checked = 0;
  for (const lang of ['en', 'tl'] as const) {
    for (const text of made[lang]) {
      const idx = nameIndex(text, lang);
      const old = eagerIndex(text, lang);
      assert.deepEqual(sorted(idx.words), sorted(old.words), text);
      assert.deepEqual(sorted(idx.glosses), sorted(old.glosses), text);
      assert.deepEqual(sorted(idx.keys), sorted(old.keys), text);
      // the look-ups themselves, on a fresh index each (parts made in their own order)
      for (const g of [...old.glosses].slice(0, 5))
        assert.ok(nameIndex(`${text} `, lang).hasGloss(g), `${g} in ${text}`);
      assert.equal(nameIndex(`${text}  `, lang).hasGloss('zzqx-not-a-gloss'), false);
      const probe = (k: string): boolean => k.length > 6 && k.endsWith('s');
      assert.equal(nameIndex(`${text}   `, lang).someKey(probe), old.keys.some(probe), text);
      checked++;
    }
  }
  assert.ok(checked > 3000, `only ${checked} texts checked`);
});

test('name index: missing tokens as with one eager word set, real names across real translations', () => {
  let tokens = 0;
  let missing = 0;
  for (const corpus of ['flores200-dev', 'tico19-dev']) {
    const en = lines(`${corpus}.en`).slice(0, 400);
    const tl = lines(`${corpus}.tl`).slice(0, 400);
    const sides: [string[], Lang, string[], Lang][] = [
      [en, 'en', tl, 'tl'],
      [tl, 'tl', en, 'en'],
    ];
    for (const [from, fromLang, to, toLang] of sides)
      from.forEach((s, i) => {
        const text = to[i]!;
        // all words in one part: glosses and keys of every word made at once, as before
        const one = new NameIndex(
          toLang,
          eagerIndex(text, toLang).words,
          [eagerIndex(text, toLang).words],
          repairMojibake(text),
        );
        for (const e of extractEntities(s, fromLang)) {
          const got = missingTokens(e, nameIndex(text, toLang), fromLang);
          assert.deepEqual(got, missingTokens(e, one, fromLang), `${e.text} in ${text}`);
          tokens += e.tokens.length;
          missing += got.length;
        }
      });
  }
  // most names of a sentence are in its translation, some are not (translated, dropped, respelt beyond reach)
  assert.ok(tokens > 1000, `${tokens} name tokens`);
  assert.ok(missing > 20 && missing < tokens * 0.3, `${missing} of ${tokens} missing`);
});
