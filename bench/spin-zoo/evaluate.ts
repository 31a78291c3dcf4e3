import { detectSpin, restore, type SpinFinding } from '../../server/pipeline/detect/spin/index.js';
import { anyOverlap, match, prf, share, type Prf } from '../../testkit/spin-zoo/score.js';
import type { ZooSpun } from '../../testkit/spin-zoo/types.js';

// What the bench measures on one spun text, in both modes, summed over a family (or over the real pairs).

interface Counts {
  hit: number;
  of: number;
}
const bump = (m: Record<string, Counts>, k: string, hit: boolean): void => {
  const c = (m[k] ??= { hit: 0, of: 0 });
  c.of++;
  if (hit) c.hit++;
};

export class Tally {
  texts = 0;
  words = 0;
  spinEdits = 0;
  meaningEdits = 0;
  // without the original
  private span = { tp: 0, np: 0, ng: 0 };
  private word = { tp: 0, np: 0, ng: 0 };
  private byDetector: Record<string, { predicted: number; tp: number }> = {};
  // with the original
  private spinLabelled: Record<string, Counts> = {};
  private meaningLabelled: Record<string, Counts> = {};
  private restored = 0;
  /** a few misses kept for reading (the first ones, in corpus order) */
  private misses: string[] = [];

  add(s: ZooSpun): void {
    this.texts++;
    const spinGold = s.edits.filter((e) => e.kind === 'spin');
    const meaningGold = s.edits.filter((e) => e.kind === 'meaning');
    this.spinEdits += spinGold.length;
    this.meaningEdits += meaningGold.length;
    const wordSpans = [...s.text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    this.words += wordSpans.length;

    // without the original: the spinner's changes are the gold; a finding on a meaning edit counts neither way
    const pred = detectSpin(s.text).filter((f) => !anyOverlap(f, meaningGold));
    const m = match(pred, spinGold);
    this.span.tp += m.length;
    this.span.np += pred.length;
    this.span.ng += spinGold.length;
    for (const f of pred) {
      const b = (this.byDetector[f.detector] ??= { predicted: 0, tp: 0 });
      b.predicted++;
      if (m.some(([p]) => p === f)) b.tp++;
    }
    // word level: a word is flagged when a finding covers it, changed when a gold spin edit does
    const inMeaning = (w: { start: number; end: number }) => anyOverlap(w, meaningGold);
    for (const w of wordSpans) {
      if (inMeaning(w)) continue;
      const flagged = pred.some((f) => f.start < w.end && w.start < f.end);
      const changed = spinGold.some((g) => g.start < w.end && w.start < g.end);
      if (flagged) this.word.np++;
      if (changed) this.word.ng++;
      if (flagged && changed) this.word.tp++;
    }

    // with the original: a meaning edit is caught when a finding over it says meaning (the reviewer sees
    // it); a spinner change is right when findings cover it and none of them says meaning
    const fw = detectSpin(s.text, { original: s.original });
    for (const g of s.edits) {
      const over = fw.filter((x) => anyOverlap(x, [g]));
      const ok =
        g.kind === 'meaning'
          ? over.some((x) => x.kind === 'meaning')
          : over.length > 0 && over.every((x) => x.kind === 'spin');
      bump(g.kind === 'spin' ? this.spinLabelled : this.meaningLabelled, g.by, ok);
      const seen = over.map((f) => `${f.kind} ("${f.suggestion}" → "${f.text}")`).join(', ') || 'nothing';
      if (!ok && this.misses.length < 40)
        this.misses.push(`${g.kind} ${g.by}: "${g.original}" → "${g.text}" labelled ${seen}`);
    }
    if (restore(s.text, fw as SpinFinding[]) === s.original) this.restored++;
  }

  result(): Record<string, unknown> {
    const total = (m: Record<string, Counts>) =>
      Object.values(m).reduce((a, c) => ({ hit: a.hit + c.hit, of: a.of + c.of }), { hit: 0, of: 0 });
    const per = (m: Record<string, Counts>) =>
      Object.fromEntries(Object.entries(m).map(([k, c]) => [k, share(c.hit, c.of)]));
    const sl = total(this.spinLabelled);
    const ml = total(this.meaningLabelled);
    const noOrig: { span: Prf; words: Prf } = {
      span: prf(this.span.tp, this.span.np, this.span.ng),
      words: prf(this.word.tp, this.word.np, this.word.ng),
    };
    return {
      texts: this.texts,
      words: this.words,
      spinEdits: this.spinEdits,
      meaningEdits: this.meaningEdits,
      withoutOriginal: { ...noOrig, byDetector: this.byDetector },
      withOriginal: {
        spinLabelledSpin: share(sl.hit, sl.of),
        meaningLabelledMeaning: share(ml.hit, ml.of),
        spinBy: per(this.spinLabelled),
        meaningBy: per(this.meaningLabelled),
        exactRestoration: share(this.restored, this.texts),
        misses: this.misses,
      },
    };
  }
}
