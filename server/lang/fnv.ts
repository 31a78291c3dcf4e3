// 32-bit FNV-1a over UTF-16 code units: story features, word-list indexes and cache file names are keyed
// by it. One implementation, so that every user hashes a string the same way.

export const FNV_START = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a state (a signed 32-bit integer) after hashing s onward from state h: fnv1a(a + b) === fnvMore(fnvMore(FNV_START, a), b) >>> 0. */
export function fnvMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The hash of s, unsigned. */
export const fnv1a = (s: string): number => fnvMore(FNV_START, s) >>> 0;
