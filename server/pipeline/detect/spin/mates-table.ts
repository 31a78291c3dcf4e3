import { loadVocabulary } from '../../../lang/wordnet/vocabulary.js';
import type { Mate, Mates } from './units.js';

// A word form's synset-mates as the build's vocabulary table holds them (lang/wordnet/vocabulary.ts,
// written by vocabulary-file.ts): fields lemmaTags, senses, then one "form|senseTags|q" per mate.

/** The mates' fields of a vocabulary line (after the form and its lemmas). */
export const encodeMates = (m: Mates): string[] => [
  String(m.lemmaTags),
  String(m.senses),
  ...m.mates.map((x) => `${x.form}|${x.senseTags}|${x.q}`),
];

export function decodeMates(fields: string[]): Mates {
  const mates: Mate[] = [];
  for (let k = 2; k < fields.length; k++) {
    const [form, tags, q] = (fields[k] as string).split('|');
    mates.push({ form: form as string, senseTags: Number(tags), q: Number(q) });
  }
  return { mates, lemmaTags: Number(fields[0]), senses: Number(fields[1]) };
}

/** The prebuilt mates of a form, or null when the table does not have it. */
export function prebuiltMates(form: string): Mates | null {
  const f = loadVocabulary()?.fields(form);
  return f ? decodeMates(f.slice(1)) : null;
}
