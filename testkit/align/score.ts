// Strict and lax precision/recall/F1 of sentence alignments, computed as vecalign's score.py does
// (after Véronis & Langlais; W11-4624): see the Text+Berg de–fr gold README beside the benchmark data.
export type Link = [number[], number[]];

export interface Counts {
  tpStrict: number;
  fpStrict: number;
  tpLax: number;
  fpLax: number;
}
const zero = (): Counts => ({ tpStrict: 0, fpStrict: 0, tpLax: 0, fpLax: 0 });

function precisionCounts(gold: Link[], test: Link[]): Counts {
  const key = (l: Link): string => `${l[0].join(',')}:${l[1].join(',')}`;
  const goldSet = new Set(gold.filter((l) => l[0].length || l[1].length).map(key));
  const srcToGoldTgt = new Map<number, Set<number>>();
  for (const [s, t] of gold)
    for (const si of s) for (const ti of t) (srcToGoldTgt.get(si) ?? srcToGoldTgt.set(si, new Set()).get(si))?.add(ti);
  const c = zero();
  const seen = new Set<string>();
  for (const l of test) {
    if (!l[0].length && !l[1].length) continue;
    const k = key(l);
    if (seen.has(k)) continue; // python works on a set of links
    seen.add(k);
    if (goldSet.has(k)) (c.tpStrict++, c.tpLax++);
    else {
      c.fpStrict++;
      const tg = new Set<number>();
      for (const si of l[0]) for (const ti of srcToGoldTgt.get(si) ?? []) tg.add(ti);
      if (l[1].some((t) => tg.has(t))) c.tpLax++;
      else c.fpLax++;
    }
  }
  return c;
}

export interface Score {
  precisionStrict: number;
  recallStrict: number;
  f1Strict: number;
  precisionLax: number;
  recallLax: number;
  f1Lax: number;
}

export function scoreMultiple(golds: Link[][], tests: Link[][]): Score {
  const p = zero();
  const r = zero();
  golds.forEach((gold, i) => {
    const test = tests[i] ?? [];
    add(p, precisionCounts(gold, test));
    const full = (ls: Link[]): Link[] => ls.filter((l) => l[0].length && l[1].length);
    add(r, precisionCounts(full(test), full(gold)));
  });
  const div = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  const f = (x: number, y: number): number => (x + y === 0 ? 0 : (2 * x * y) / (x + y));
  const ps = div(p.tpStrict, p.tpStrict + p.fpStrict);
  const pl = div(p.tpLax, p.tpLax + p.fpLax);
  const rs = div(r.tpStrict, r.tpStrict + r.fpStrict);
  const rl = div(r.tpLax, r.tpLax + r.fpLax);
  return {
    precisionStrict: ps,
    recallStrict: rs,
    f1Strict: f(ps, rs),
    precisionLax: pl,
    recallLax: rl,
    f1Lax: f(pl, rl),
  };
}

function add(a: Counts, b: Counts): void {
  a.tpStrict += b.tpStrict;
  a.fpStrict += b.fpStrict;
  a.tpLax += b.tpLax;
  a.fpLax += b.fpLax;
}

/** Parses a vecalign-format gold file: one `[src ids]:[tgt ids]` per line. */
export function parseLinks(text: string): Link[] {
  const ids = (s: string): number[] => (s.trim() ? s.split(',').map((x) => Number(x.trim())) : []);
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^\[([^\]]*)\]:\[([^\]]*)\]$/.exec(l.trim());
      if (!m) throw new Error(`bad link line: ${l}`);
      return [ids(m[1] ?? ''), ids(m[2] ?? '')];
    });
}
