import { fold } from './text-norm.js';

// Tagalog affix stripping for dictionary look-up. Tagalog marks focus and aspect with prefixes
// (nag-, mag-, pag-, naka-, nakipag-, ipag-, ka-), infixes (-um-, -in-), suffixes (-an, -in, -han, -hin)
// and reduplication of the first syllable (binabati = b-in-a-bati). We do not analyse: we generate candidate
// bases, least-stripped first, and the caller keeps the first one its dictionary knows.

const PREFIXES = [
  'nakikipag',
  'makikipag',
  'pakikipag',
  'nakipag',
  'makipag',
  'pakipag',
  'ipinag',
  'ipinapa',
  'ipina',
  'pinag',
  'ipag',
  'nagpa',
  'magpa',
  'pagpa',
  'nakaka',
  'makaka',
  'naka',
  'maka',
  'paka',
  'nagka',
  'magka',
  'pagka',
  'nang',
  'mang',
  'pang',
  'nag',
  'mag',
  'pag',
  'pam',
  'pan',
  'taga',
  'tag',
  'ika',
  'ipa',
  'na',
  'ma',
  'pa',
  'ka',
  'i',
];
const SUFFIXES = ['han', 'hin', 'nan', 'nin', 'an', 'in'];
const VOWEL = /[aeiou]/;

function stripOnce(w: string): string[] {
  const out: string[] = [];
  for (const p of PREFIXES) if (w.startsWith(p) && w.length - p.length >= 3) out.push(w.slice(p.length));
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 3) out.push(w.slice(0, -s.length));
  // The linker -ng on vowel-final words: dalawang → dalawa, kanilang → kanila.
  if (/[aeiou]ng$/.test(w) && w.length >= 5) out.push(w.slice(0, -2));
  // Infixes after the first consonant: b-in-ati, s-um-ulat; or word-initial in-/um- before a vowel.
  const m = /^([^aeiou]?)(in|um)(.+)$/.exec(w);
  if (m && m[3] && m[3].length >= 3) out.push((m[1] ?? '') + m[3]);
  // Reduplicated first syllable: (C)V(C)V... → drop the copy (susubok → subok, aalis → alis).
  const r = /^([^aeiou]?[aeiou])(.*)$/.exec(w);
  if (r && r[2] && r[2].startsWith(r[1] ?? '') && r[2].length >= 3) out.push(r[2]);
  return out.filter((x) => VOWEL.test(x));
}

/** The word itself first, then bases reachable by up to three stripping steps, least-stripped first. */
export function tlStemCandidates(word: string): string[] {
  const w = fold(word);
  const seen = new Set<string>([w]);
  let frontier = [w];
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const next: string[] = [];
    for (const f of frontier) for (const c of stripOnce(f)) if (!seen.has(c)) (seen.add(c), next.push(c));
    frontier = next;
  }
  return [...seen];
}
