import type { PairDetector, PairFinding } from '../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import { factNumbers, type ExtractedNumber } from '../../../../lang/numbers.js';
import { extractCalendar, type CalendarMention } from '../../../../lang/calendar.js';
import { th } from '../../thresholds.js';

// Numbers and dates must survive translation: every number (digits, number words, ika- ordinals, percentages,
// money, years) and every month/weekday on one side needs the same value on the other.

function unmatched<T>(a: T[], b: T[], key: (x: T) => string): T[] {
  const pool = new Map<string, number>();
  for (const x of b) pool.set(key(x), (pool.get(key(x)) ?? 0) + 1);
  return a.filter((x) => {
    const n = pool.get(key(x)) ?? 0;
    if (n > 0) {
      pool.set(key(x), n - 1);
      return false;
    }
    return true;
  });
}

const numKey = (n: ExtractedNumber) => String(n.value);
const calKey = (c: CalendarMention) => c.key;
const show = (xs: { raw: string }[]) => xs.map((x) => `"${x.raw}"`).join(', ');

export const numbersDetector: PairDetector = {
  id: 'numbers',
  name: 'Numbers and dates',
  description: 'A number, percentage, amount, year, month or weekday differs between source and translation.',
  category: 'accuracy/mistranslation',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: { minUnmatched: 1 },
  examples: {
    pass: [
      { src: 'The 21 patients paid $500 in 2023.', tgt: "Nagbayad ang dalawampu't isang pasyente ng $500 noong 2023." },
      { src: 'On Wednesday, 45% of the voters stayed home.', tgt: 'Noong Miyerkules, 45 porsiyento ng mga botante ang nanatili sa bahay.' },
    ],
    fail: [
      { src: 'The fire killed 12 people.', tgt: 'Labing-anim na tao ang namatay sa sunog.', note: '12 → 16' },
      { src: 'They met in September.', tgt: 'Nagkita sila noong Oktubre.', note: 'month changed' },
      { src: 'Namatay ang 45 katao.', tgt: '54 people died.', srcLang: 'tl', tgtLang: 'en' },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx)) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    const sn = factNumbers(s.text, ctx.srcLang);
    const tn = factNumbers(t.text, ctx.tgtLang);
    // Name labels ("COVID-19") are repeated or dropped freely in translation: compared as a set, not counted.
    const labelled = (ns: ExtractedNumber[], other: ExtractedNumber[]) =>
      ns.filter((n, k) => n.kind !== 'label' || (!ns.slice(0, k).some((m) => m.value === n.value) && !other.some((m) => m.value === n.value)));
    const snF = labelled(sn, tn);
    const tnF = labelled(tn, sn);
    const sc = extractCalendar(s.text, ctx.srcLang);
    const tc = extractCalendar(t.text, ctx.tgtLang);
    const onlySrc = [...unmatched(snF, tnF, numKey), ...unmatched(sc, tc, calKey)];
    const onlyTgt = [...unmatched(tnF, snF, numKey), ...unmatched(tc, sc, calKey)];
    const score = onlySrc.length + onlyTgt.length;
    if (score < th(this, ctx.thresholds, 'minUnmatched')) return [];
    // A value gone on one side and a different one on the other is a changed fact; a lone extra or missing
    // number spelt in words is often a paraphrase ("a couple", "isang"), so it stays minor.
    const changed = onlySrc.length > 0 && onlyTgt.length > 0;
    const digits = [...onlySrc, ...onlyTgt].some((x) => 'fromWords' in x && !x.fromWords);
    const severity = changed || digits ? 'major' : 'minor';
    const flagged = onlyTgt[0] ?? onlySrc[0]!;
    const side = onlyTgt.length ? 'tgt' : 'src';
    const other = side === 'tgt' ? onlySrc[0] : onlyTgt[0];
    const message = changed
      ? `Number/date ${show(onlySrc)} in the source reads ${show(onlyTgt)} in the translation`
      : onlySrc.length
        ? `Number/date ${show(onlySrc)} in the source is missing from the translation`
        : `Number/date ${show(onlyTgt)} in the translation is not in the source`;
    const f: PairFinding = pairFinding(this, ctx, {
      side,
      rawScore: score,
      severity,
      confidence: changed ? 0.9 : digits ? 0.75 : 0.5,
      message,
      evidence: { source: onlySrc.map((x) => x.raw), translation: onlyTgt.map((x) => x.raw) },
      local: [flagged.start, flagged.end],
      otherLocal: other ? [other.start, other.end] : null,
      suggestion: changed && side === 'tgt' && onlySrc.length === 1 && /^\d/.test(onlySrc[0]!.raw) ? onlySrc[0]!.raw : null,
    });
    return [f];
  },
};
