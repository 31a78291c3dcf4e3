import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { z } from 'zod';
import type { ZooEdit, ZooSpun } from '../spin-zoo/types.js';

// The real pairs: real spinner output beside its original (testkit/spin-real/pairs.jsonl, sources in
// SOURCES.md). Gold = the word diff of the two: every changed run of tokens is one spinner change, kind
// 'spin', except the few a pair lists under `meaning` (a spinner that drops a "never" changes the claim).

const Pair = z.object({
  id: z.string(),
  split: z.enum(['tuning', 'reporting']),
  tool: z.string(),
  url: z.string(),
  original: z.string().min(1),
  spun: z.string().min(1),
  note: z.string().optional(),
  /** the original side of the diff's changes (as goldOf cuts them) that change a claim by the issue #17 rule */
  meaning: z.array(z.string()).optional(),
});
export type RealPair = z.infer<typeof Pair>;

const HERE = new URL('.', import.meta.url).pathname;

export function readPairs(file = join(HERE, 'pairs.jsonl')): RealPair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const p = Pair.safeParse(JSON.parse(l));
      if (!p.success) throw new Error(`${file}:${i + 1}: ${p.error.issues[0]?.message ?? 'bad pair'}`);
      return p.data;
    });
}

interface Tok {
  text: string;
  start: number;
  end: number;
}
const tokens = (s: string): Tok[] =>
  [...s.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));

/** The word diff as gold edits (offsets in the spun text; a pure deletion is an empty span where it was). */
export function goldOf(original: string, spun: string, by: string): ZooEdit[] {
  const ot = tokens(original);
  const st = tokens(spun);
  const parts = diffArrays(
    ot.map((t) => t.text),
    st.map((t) => t.text),
  );
  const out: ZooEdit[] = [];
  let i = 0;
  let j = 0;
  let pend: { o0: number; o1: number; s0: number; s1: number } | null = null;
  const flush = (): void => {
    if (!pend) return;
    const sFrom = pend.s0 < pend.s1 ? (st[pend.s0] as Tok).start : j < st.length ? (st[j] as Tok).start : spun.length;
    const sTo = pend.s0 < pend.s1 ? (st[pend.s1 - 1] as Tok).end : sFrom;
    const oFrom = pend.o0 < pend.o1 ? (ot[pend.o0] as Tok).start : 0;
    const oTo = pend.o0 < pend.o1 ? (ot[pend.o1 - 1] as Tok).end : 0;
    out.push({
      start: sFrom,
      end: sTo,
      text: spun.slice(sFrom, sTo),
      original: original.slice(oFrom, oTo),
      kind: 'spin',
      by,
    });
    pend = null;
  };
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (p.added || p.removed) {
      pend ??= { o0: i, o1: i, s0: j, s1: j };
      if (p.added) {
        j += n;
        pend.s1 = j;
      } else {
        i += n;
        pend.o1 = i;
      }
    } else {
      flush();
      i += n;
      j += n;
    }
  }
  flush();
  return out;
}

export function asSpun(p: RealPair): ZooSpun {
  const edits = goldOf(p.original, p.spun, 'real').map((e) =>
    p.meaning?.includes(e.original) ? { ...e, kind: 'meaning' as const } : e,
  );
  return { family: `real:${p.id}`, text: p.spun, original: p.original, edits };
}
