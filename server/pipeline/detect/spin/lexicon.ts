import { readFileSync } from 'node:fs';
import { inflect } from '../../../lang/wordnet/inflect.js';
import { dataPath } from '../../../paths.js';
import { norm, tokenize } from './tokens.js';
import { resource, use } from '../../../core/resources.js';

// The two phrase lists used without an original: our spinner fingerprints (data/spin/fingerprints.tsv) and
// the tortured-phrase list (data/spin/tortured.tsv, CC BY 4.0, see data/spin/SOURCES.md). Both compile into
// one trie-like map keyed by the first token, matched over lowercased word tokens.

export type Strength = 'strong' | 'weak';
export interface LexEntry {
  /** Tokens to match, lowercased; context tokens are included and marked in `context`. */
  tokens: string[];
  context: boolean[];
  pattern: string; // as written in the list, context in [brackets]
  spun: string; // the flagged part as written in the list
  original: string;
  strength: Strength;
  source: string; // seed003 | knowledge | tortured
  list: 'fingerprint' | 'tortured';
}

/** Lexicon tokens: words, with a possessive 's split off so "Putin’s go to" matches "['s] go to". */
export function lexTokens(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const t of tokenize(text)) {
    const m = /^(.+?)['’]s$/u.exec(t.text);
    if (t.word && m) {
      out.push({ text: norm(m[1] as string), start: t.start, end: t.start + (m[1] as string).length });
      out.push({ text: "'s", start: t.end - 2, end: t.end });
    } else out.push({ text: norm(t.text), start: t.start, end: t.end });
  }
  return out;
}

const PLAIN = /^[a-z]+$/i;

/** A pattern's whitespace-separated parts: each one's tokens, and whether it is [context]. */
function* patternParts(spun: string): Generator<{ tokens: string[]; ctx: boolean }> {
  for (const part of spun.split(/\s+/)) {
    const ctx = part.startsWith('[') && part.endsWith(']');
    const word = ctx ? part.slice(1, -1) : part;
    // a plain word is one token as it stands (most of the 8,000 list entries are plain words: tokenising
    // each was most of what a worker spent compiling the lists)
    const tokens = PLAIN.test(word)
      ? [word.toLowerCase()]
      : word === "'s"
        ? ["'s"]
        : lexTokens(word).map((t) => t.text);
    yield { tokens, ctx };
  }
}

function parsePattern(spun: string): { tokens: string[]; context: boolean[] } {
  const tokens: string[] = [];
  const context: boolean[] = [];
  for (const part of patternParts(spun)) {
    for (const t of part.tokens) {
      tokens.push(t);
      context.push(part.ctx);
    }
  }
  return { tokens, context };
}

function fingerprintEntries(): LexEntry[] {
  const out: LexEntry[] = [];
  for (const line of readFileSync(dataPath('spin', 'fingerprints.tsv'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [spun, original, strength, pos, source] = line.split('\t') as [string, string, Strength, string, string];
    const variants: [string, string][] = [[spun, original]];
    if (pos === 'n') variants.push([inflect(spun, 'plural', 'n'), inflect(original, 'plural', 'n')]);
    for (const [s, o] of variants) {
      const p = parsePattern(s);
      out.push({
        ...p,
        pattern: s,
        spun: s.replace(/\[[^\]]*\]\s*/g, '').replace(/\s*\[[^\]]*\]/g, ''),
        original: o,
        strength,
        source,
        list: 'fingerprint',
      });
    }
  }
  return out;
}

interface TorturedLine {
  tortured: string;
  expected: string;
}

/** The tortured-phrase list's usable lines (the header and one-word entries left out), in file order. */
function torturedLines(): TorturedLine[] {
  const out: TorturedLine[] = [];
  for (const line of readFileSync(dataPath('spin', 'tortured.tsv'), 'utf8').split('\n').slice(1)) {
    const [tortured, expected] = line.split('\t');
    if (!tortured || !expected) continue;
    // single plain words ("bosom") are ordinary English; multiword and mangled hyphenated forms are not
    if (!/[\s-]/.test(tortured)) continue;
    out.push({ tortured, expected });
  }
  return out;
}

function torturedEntry({ tortured, expected }: TorturedLine): LexEntry | null {
  const p = parsePattern(tortured);
  if (p.tokens.length < 2) return null;
  const original = expected.replace(/\s*\?$/, '').replace(/\s*\(.*\)\s*$/, '');
  return {
    ...p,
    pattern: tortured,
    spun: tortured,
    original,
    strength: 'strong',
    source: 'tortured',
    list: 'tortured',
  };
}

/** parsePattern(spun).tokens[0], without the rest: which first token a pattern is filed under. */
function firstToken(spun: string): string | null {
  for (const part of patternParts(spun)) if (part.tokens.length) return part.tokens[0]!;
  return null;
}

/** Both lists by first token and by flagged words, entries in list order (fingerprints, then tortured). */
interface Lists {
  byFirst: Map<string, LexEntry[]>;
  bySpun: Map<string, LexEntry[]>;
}

function add(l: Lists, e: LexEntry): void {
  // appended in place: copying the list per entry was quadratic in the long ones
  const k = e.tokens[0] as string;
  const first = l.byFirst.get(k);
  if (first) first.push(e);
  else l.byFirst.set(k, [e]);
  const key = e.tokens.filter((_, i) => !e.context[i]).join(' ');
  const same = l.bySpun.get(key);
  if (same) same.push(e);
  else l.bySpun.set(key, [e]);
}

/** Every entry compiled at once, as the lists were before they were read lazily (allEntries, tests). */
function compileAll(): Lists {
  const l: Lists = { byFirst: new Map(), bySpun: new Map() };
  for (const e of fingerprintEntries()) add(l, e);
  for (const line of torturedLines()) {
    const e = torturedEntry(line);
    if (e) add(l, e);
  }
  return l;
}

// The tortured list's 8,000 patterns are filed by first token when the lists load and parsed when a text
// first has that token (most never occur): parsing them all was most of a worker's cost of loading the
// lists. A tortured entry has no context words, so the entries a look-up by flagged words can meet are in
// the bucket of those words' first token; within a key, fingerprints still come first and each list keeps
// its order.
const LISTS = resource('spinner fingerprints and tortured phrases', () => {
  const l = {
    byFirst: new Map<string, LexEntry[]>(),
    bySpun: new Map<string, LexEntry[]>(),
    unread: new Map<string, TorturedLine[]>(),
  };
  for (const e of fingerprintEntries()) add(l, e);
  for (const line of torturedLines()) {
    const t = firstToken(line.tortured);
    if (t === null) continue;
    const b = l.unread.get(t);
    if (b) b.push(line);
    else l.unread.set(t, [line]);
  }
  return l;
});
const loadLists = (): Lists & { unread: Map<string, TorturedLine[]> } => use(LISTS);

/** The lists with every entry whose first token is `t` parsed. */
function withBucket(t: string): Lists {
  const l = loadLists();
  const unread = l.unread.get(t);
  if (unread) {
    l.unread.delete(t);
    for (const line of unread) {
      const e = torturedEntry(line);
      if (e) add(l, e);
    }
  }
  return l;
}

/** Entries whose flagged words are exactly `spun` (lowercased words joined by single spaces). */
export function lookupFingerprint(spun: string): LexEntry[] {
  const words = lexTokens(spun).map((t) => t.text);
  return withBucket(words[0] ?? '').bySpun.get(words.join(' ')) ?? [];
}

export function allEntries(): LexEntry[] {
  return [...compileAll().byFirst.values()].flat();
}

export interface LexMatch {
  entry: LexEntry;
  start: number; // offsets of the flagged (non-context) part
  end: number;
}

/** Every entry occurrence in the text; overlapping matches are all returned (the caller resolves them). */
export function matchLexicon(text: string): LexMatch[] {
  const toks = lexTokens(text);
  const out: LexMatch[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = (toks[i] as { text: string }).text;
    for (const e of withBucket(t).byFirst.get(t) ?? []) {
      if (i + e.tokens.length > toks.length) continue;
      let ok = true;
      for (let k = 1; k < e.tokens.length && ok; k++) ok = (toks[i + k] as { text: string }).text === e.tokens[k];
      if (!ok) continue;
      const first = e.context.indexOf(false);
      // a capitalised list entry ("Concerning", "White Home") only matches capitalised text
      if (/^\p{Lu}/u.test(e.spun) && !/^\p{Lu}/u.test(text.slice((toks[i + first] as { start: number }).start)))
        continue;
      const last = e.context.lastIndexOf(false);
      if (first < 0) continue;
      out.push({
        entry: e,
        start: (toks[i + first] as { start: number }).start,
        end: (toks[i + last] as { end: number }).end,
      });
    }
  }
  return out;
}
