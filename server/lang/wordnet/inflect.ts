import { IRREGULAR_ADJS, IRREGULAR_PLURALS, IRREGULAR_VERBS } from './irregular.js';

// Re-inflection of a lemma (or a collocation's head) to a given form: "visit" + past → "visited",
// "go_to" + 3sg → "goes to". Used to keep a replacement in the form of the word it replaces.

export type Form = 'base' | 'plural' | 's' | 'past' | 'participle' | 'ing' | 'comparative' | 'superlative';

const VOWEL = /[aeiou]/;
function doubles(w: string): boolean {
  // stop → stopped, plan → planning; not visit → visited (unstressed final syllable: only short words double)
  return /^[^aeiou]*[aeiou][bdgklmnprtvz]$/.test(w) && !/[wxy]$/.test(w);
}

function inflectWord(w: string, form: Form): string {
  switch (form) {
    case 'base':
      return w;
    case 'plural':
      if (IRREGULAR_PLURALS.has(w)) return IRREGULAR_PLURALS.get(w) as string;
      if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
      if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
      return `${w}s`;
    case 's':
      if (w === 'be') return 'is';
      if (w === 'have') return 'has';
      if (/(s|x|z|ch|sh|o)$/.test(w)) return `${w}es`;
      if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
      return `${w}s`;
    case 'past':
    case 'participle': {
      const irr = IRREGULAR_VERBS.get(w);
      if (irr) return (form === 'past' ? irr.past[0] : irr.participle[0]) ?? w;
      if (w.endsWith('e')) return `${w}d`;
      if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ied`;
      if (doubles(w)) return `${w}${w.at(-1)}ed`;
      return `${w}ed`;
    }
    case 'ing':
      if (w === 'be') return 'being';
      if (/ie$/.test(w)) return `${w.slice(0, -2)}ying`;
      if (/[^aeiou]e$/.test(w) && w.length > 2) return `${w.slice(0, -1)}ing`;
      if (doubles(w)) return `${w}${w.at(-1)}ing`;
      return `${w}ing`;
    case 'comparative':
    case 'superlative': {
      const irr = IRREGULAR_ADJS.get(w);
      if (irr) return (form === 'comparative' ? irr.comparative[0] : irr.superlative[0]) ?? w;
      const suf = form === 'comparative' ? 'er' : 'est';
      if (w.length > 6 || !VOWEL.test(w)) return `${form === 'comparative' ? 'more' : 'most'} ${w}`;
      if (w.endsWith('e')) return `${w}${suf.slice(1)}`;
      if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}i${suf}`;
      if (doubles(w)) return `${w}${w.at(-1)}${suf}`;
      return `${w}${suf}`;
    }
  }
}

/** Inflects a lemma ('_' or ' ' between words): verbs on their first word, everything else on the last. */
export function inflect(lemma: string, form: Form, pos: 'n' | 'v' | 'a' | 'r'): string {
  const parts = lemma.replace(/_/g, ' ').split(' ');
  if (form === 'base') return parts.join(' ');
  const head = pos === 'v' ? 0 : parts.length - 1;
  parts[head] = inflectWord(parts[head] as string, form);
  return parts.join(' ');
}

/** Which form a surface word is of its lemma (the first that reproduces it), or null. */
export function formOf(surface: string, lemma: string, pos: 'n' | 'v' | 'a' | 'r'): Form | null {
  const s = surface.toLowerCase().replace(/_/g, ' ');
  const forms: Form[] =
    pos === 'n'
      ? ['base', 'plural']
      : pos === 'v'
        ? ['base', 's', 'past', 'participle', 'ing']
        : pos === 'a'
          ? ['base', 'comparative', 'superlative']
          : ['base'];
  for (const f of forms) if (inflect(lemma, f, pos) === s) return f;
  return null;
}
