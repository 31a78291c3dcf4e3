// A read-only index of a text's lines by their first field (the characters before `sep`, or the whole line),
// for the word lists a batch worker loads before its first story (frequency ranks, vector vocabulary,
// WordNet's lemma and sense indexes, the prebuilt vocabulary). A Map of sliced keys cost 40–100 ms per list
// and per worker: here one pass hashes each key where it stands in the text (FNV-1a over its UTF-16 code
// units) into an open-addressing table of line numbers, and no key string is made until one is asked for.

import { FNV_PRIME, FNV_START, fnvMore } from './fnv.js';

const NEWLINE = 10;

/** What an index is made of: a text's index can be kept beside it and taken back (line-index-file.ts). */
export interface LineIndexParts {
  lines: number;
  size: number;
  grouped: boolean;
  starts: Uint32Array;
  keyEnds: Uint32Array;
  slots: Int32Array;
  first: Uint8Array;
}

export class LineIndex {
  /** Lines in the text (a final newline ends the last line; it does not start an empty one). */
  readonly lines: number;
  /** Distinct non-empty keys indexed. */
  readonly size: number;
  /** Whether every key's lines are consecutive (a sorted list's are): then lines from find(key) on are its run. */
  readonly grouped: boolean;
  private readonly starts: Uint32Array; // line i is text[starts[i], starts[i + 1] - 1)
  private readonly keyEnds: Uint32Array;
  /** slot s is [2s] = line + 1 (0: empty) and [2s + 1] = the key's hash, side by side: one cache line per probe */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly first: Uint8Array; // 1 where a line holds the first occurrence of its key

  /**
   * A key listed on several lines is found at its first. Lines with an empty key are not indexed. `parts`:
   * the index of this very text with this separator, made before (the caller vouches for that).
   */
  constructor(
    readonly text: string,
    sep: string,
    parts?: LineIndexParts,
  ) {
    if (parts) {
      ({
        lines: this.lines,
        size: this.size,
        grouped: this.grouped,
        starts: this.starts,
        keyEnds: this.keyEnds,
        slots: this.slots,
        first: this.first,
      } = parts);
      this.mask = parts.slots.length / 2 - 1;
      return;
    }
    const sepCode = sep.charCodeAt(0);
    let n = 0;
    for (let at = 0; at < text.length; n++) {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
    }
    this.lines = n;
    this.starts = new Uint32Array(n + 1);
    this.keyEnds = new Uint32Array(n);
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.first = new Uint8Array(n);
    let size = 0;
    let grouped = true;
    let at = 0;
    for (let i = 0; i < n; i++) {
      this.starts[i] = at;
      let h = FNV_START;
      let c = 0;
      let k = at;
      for (; k < text.length && (c = text.charCodeAt(k)) !== NEWLINE && c !== sepCode; k++)
        h = Math.imul(h ^ c, FNV_PRIME);
      this.keyEnds[i] = k;
      if (k > at) {
        if (this.insert(i, h)) {
          this.first[i] = 1;
          size++;
        } else if (!this.sameKey(i - 1, at, k - at)) grouped = false;
      }
      const end = c === NEWLINE && k < text.length ? k : text.indexOf('\n', k);
      at = end < 0 ? text.length + 1 : end + 1;
    }
    this.starts[n] = at; // one past the last line's end, as if a newline followed it
    this.size = size;
    this.grouped = grouped;
  }

  parts(): LineIndexParts {
    return {
      lines: this.lines,
      size: this.size,
      grouped: this.grouped,
      starts: this.starts,
      keyEnds: this.keyEnds,
      slots: this.slots,
      first: this.first,
    };
  }

  private insert(line: number, h: number): boolean {
    const start = this.starts[line] as number;
    const len = (this.keyEnds[line] as number) - start;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.slots[2 * s] as number;
      if (v === 0) {
        this.slots[2 * s] = line + 1;
        this.slots[2 * s + 1] = h;
        return true;
      }
      if (this.slots[2 * s + 1] === h && this.sameKey(v - 1, start, len)) return false; // the first line keeps it
    }
  }

  private sameKey(line: number, start: number, len: number): boolean {
    const at = this.starts[line] as number;
    if ((this.keyEnds[line] as number) - at !== len) return false;
    for (let k = 0; k < len; k++) if (this.text.charCodeAt(at + k) !== this.text.charCodeAt(start + k)) return false;
    return true;
  }

  /** The first line whose key is `key`, or -1. */
  find(key: string): number {
    if (key.length === 0) return -1;
    const h = fnvMore(FNV_START, key);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.slots[2 * s] as number;
      if (v === 0) return -1;
      if (this.slots[2 * s + 1] !== h) continue;
      if (this.keyIs(v - 1, key)) return v - 1;
    }
  }

  /** Whether line i's key is `key` (without making the key string). */
  keyIs(i: number, key: string): boolean {
    const at = this.starts[i] as number;
    if ((this.keyEnds[i] as number) - at !== key.length) return false;
    for (let k = 0; k < key.length; k++) if (this.text.charCodeAt(at + k) !== key.charCodeAt(k)) return false;
    return true;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** Line i without its newline. */
  line(i: number): string {
    return this.text.slice(this.starts[i], (this.starts[i + 1] as number) - 1);
  }

  /** Line i's key. */
  key(i: number): string {
    return this.text.slice(this.starts[i], this.keyEnds[i]);
  }

  /** Line i after its key and separator ('' when the line is only a key). */
  rest(i: number): string {
    const end = (this.starts[i + 1] as number) - 1;
    const from = (this.keyEnds[i] as number) + 1;
    return from >= end ? '' : this.text.slice(from, end);
  }

  /** The indexed keys that contain `c`, in text order: found by searching the text, not by cutting out every key. */
  *keysWith(c: string): IterableIterator<string> {
    let i = 0;
    for (let at = this.text.indexOf(c); at >= 0; at = this.text.indexOf(c, this.starts[i] as number)) {
      while (i < this.lines && (this.starts[i + 1] as number) <= at) i++;
      if (i >= this.lines) return;
      if (at < (this.keyEnds[i] as number) && this.first[i]) yield this.key(i);
      i++; // on to the next line: the rest of this one is not its key
      if (i >= this.lines) return;
    }
  }

  /** The indexed keys in text order (each once, at its first line). */
  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.lines; i++) if (this.first[i]) yield this.key(i);
  }
}
