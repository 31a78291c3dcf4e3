import type { PairDetector, PairFinding } from '../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import { extractNumbers, factNumbers, type ExtractedNumber } from '../../../../lang/numbers.js';
import { extractCalendar, type CalendarMention } from '../../../../lang/calendar.js';
import { th } from '../../thresholds.js';
import { qualifierHint } from '../../../../lang/quantity.js';

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

/**
 * What is left of `a` once the other side's looser spellings of the same value are allowed for: a number
 * written as a name's label there ("KV62", "km2", "Chandrayaan-1" beside "KV 62", "km 2", "Chandrayaan 1"), and
 * a whole-hour clock time beside its bare hour ("9 a.m." / "ika-9", "alas-6" / "6").
 */
function looselyUnmatched(a: ExtractedNumber[], b: ExtractedNumber[], bAll: ExtractedNumber[]): ExtractedNumber[] {
  const labels = new Set(bAll.filter((n) => n.kind === 'label').map((n) => n.value));
  const hours = new Set(b.filter((n) => n.kind === 'time' && n.value % 60 === 0).map((n) => n.value / 60));
  const bare = new Set(
    b.filter((n) => (n.kind === 'cardinal' || n.kind === 'ordinal') && n.value <= 24).map((n) => n.value % 12),
  );
  return a.filter(
    (n) =>
      !(n.kind !== 'label' && labels.has(n.value)) &&
      !((n.kind === 'cardinal' || n.kind === 'ordinal') && n.value <= 24 && hours.has(n.value % 12)) &&
      !(n.kind === 'time' && n.value % 60 === 0 && bare.has(n.value / 60)),
  );
}

/** Numbers of equal value whose qualifiers disagree: "at least 49" / "49", "mahigit 20" / "under 20". */
function qualifierChanges(
  sn: ExtractedNumber[],
  tn: ExtractedNumber[],
  hint: (n: ExtractedNumber, side: 'src' | 'tgt') => boolean,
): [ExtractedNumber, ExtractedNumber][] {
  const out: [ExtractedNumber, ExtractedNumber][] = [];
  const strong = (q: ExtractedNumber['qualifier']) => q === 'up' || q === 'down';
  for (const a of sn) {
    if (a.kind === 'year' || a.kind === 'label' || a.kind === 'time') continue;
    const same = tn.filter((b) => b.value === a.value);
    if (same.length !== 1) continue; // with repeats the pairing is a guess
    const b = same[0]!;
    const qa = a.qualifier ?? null;
    const qb = b.qualifier ?? null;
    if (qa === qb || !(strong(qa) || strong(qb))) continue;
    // "about 50" / "more than 50" is a paraphrase often enough; a lost or reversed "at least" is not.
    if ((qa === 'approx' && strong(qb)) || (qb === 'approx' && strong(qa))) continue;
    // A bound on one side and none on the other counts only when no word near the bare number hints at one
    // (translators render bounds in many ways: "20 o higit pa", "younger than 10" / "wala pang 10").
    if (qa === null && hint(a, 'src')) continue;
    if (qb === null && hint(b, 'tgt')) continue;
    out.push([a, b]);
  }
  return out;
}

const QUAL_WORDS = { up: 'at least / more than', down: 'at most / less than', approx: 'about' } as const;
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
      {
        src: 'The woman was found at 7.55am on John Street.',
        tgt: 'Natagpuan ang babae noong 7:55am sa John Street.',
        note: 'a British clock time (7.55am) is 7:55 (NTREX-128)',
      },
      {
        src: 'On Wednesday, 45% of the voters stayed home.',
        tgt: 'Noong Miyerkules, 45 porsiyento ng mga botante ang nanatili sa bahay.',
      },
      {
        src: 'Seventeen people were hurt.',
        tgt: 'Labingpitong katao ang nasugatan.',
        note: 'teen written solid, with the linker -ng',
      },
      {
        src: 'Rugby and golf were selected over five other sports.',
        tgt: 'Ang rugby at golf ang pinili kaysa sa limang iba pang isport.',
        note: '"selected over" is a preference, not "more than"',
      },
      { src: 'He is past forty.', tgt: 'Siya ay higit sa apatnapu.', note: 'past forty = more than 40' },
      {
        src: 'The storm made landfall at 6:00 on Sunday.',
        tgt: 'Nag-landfall ang bagyo nang ala-6 noong Linggo.',
        note: 'clock time and weekday',
      },
      {
        src: 'Classes resume at 9:00 a.m. on the second day.',
        tgt: 'Babalik ang klase sa ika-9 ng umaga sa ikalawang araw.',
        note: 'ika- hour and ordinal',
      },
      {
        src: 'The bulletin was issued at five in the afternoon.',
        tgt: 'Inilabas ang bulletin nang alas-singko ng hapon.',
      },
      {
        src: 'They met in June and again in September.',
        tgt: 'Nagkita sila noong Junio at muli noong Septiembre.',
        note: 'Spanish spellings of months',
      },
      { src: 'At least 49 people died.', tgt: 'Hindi bababa sa 49 katao ang namatay.', note: 'qualifier kept' },
      {
        src: 'The tomb KV62 was found in 1922.',
        tgt: 'Natagpuan ang puntod na KV 62 noong 1922.',
        note: 'label written spaced',
      },
      {
        src: 'Within a week the river rose.',
        tgt: 'Sa loob ng isang linggo, tumaas ang ilog. Linggo ang pinakamalala.',
        note: 'Linggo at a sentence start may be "week"',
      },
    ],
    fail: [
      { src: 'The fire killed 12 people.', tgt: 'Labing-anim na tao ang namatay sa sunog.', note: '12 → 16' },
      { src: 'They met in September.', tgt: 'Nagkita sila noong Oktubre.', note: 'month changed' },
      { src: 'Namatay ang 45 katao.', tgt: '54 people died.', srcLang: 'tl', tgtLang: 'en' },
      { src: 'At least 49 people died.', tgt: '49 katao ang namatay.', note: '"at least" dropped' },
      {
        src: 'More than 20 houses burned.',
        tgt: 'Wala pang 20 bahay ang nasunog.',
        note: '"more than" became "fewer than"',
      },
      { src: 'Seventeen people were hurt.', tgt: 'Labing-anim na katao ang nasugatan.', note: '17 → 16' },
      { src: 'The meeting starts at 9 a.m.', tgt: 'Magsisimula ang pulong sa ika-10 ng umaga.', note: 'hour changed' },
      { src: 'The storm hit on Sunday.', tgt: 'Tumama ang bagyo noong Lunes.', note: 'weekday changed' },
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
      ns.filter(
        (n, k) =>
          n.kind !== 'label' ||
          (!ns.slice(0, k).some((m) => m.value === n.value) && !other.some((m) => m.value === n.value)),
      );
    const snF = labelled(sn, tn);
    const tnF = labelled(tn, sn);
    // An optional calendar word (sentence-initial "May", "Linggo" that may be "week") counts only when the other
    // side names the same day or month.
    const sc0 = extractCalendar(s.text, ctx.srcLang);
    const tc0 = extractCalendar(t.text, ctx.tgtLang);
    const sc = sc0.filter((c) => !c.optional || tc0.some((o) => o.key === c.key));
    const tc = tc0.filter((c) => !c.optional || sc0.some((o) => o.key === c.key));
    const numSrc = unmatched(snF, tnF, numKey);
    const numTgt = unmatched(tnF, snF, numKey);
    const onlySrc = [...looselyUnmatched(numSrc, numTgt, tn), ...unmatched(sc, tc, calKey)];
    const onlyTgt = [...looselyUnmatched(numTgt, numSrc, sn), ...unmatched(tc, sc, calKey)];
    const score = onlySrc.length + onlyTgt.length;
    // A minimum of 0 reads as 1: with nothing unmatched there is no number to point at.
    if (score < Math.max(1, th(this, ctx.thresholds, 'minUnmatched'))) {
      // "at least one" / "hindi bababa sa isa": a bound makes even a spelt-out one a fact, so all numbers count here.
      const q = qualifierChanges(extractNumbers(s.text, ctx.srcLang), extractNumbers(t.text, ctx.tgtLang), (n, side) =>
        side === 'src'
          ? qualifierHint(s.text, n.start, n.end, ctx.srcLang)
          : qualifierHint(t.text, n.start, n.end, ctx.tgtLang),
      )[0];
      if (!q) return [];
      const [a, b] = q;
      const says = (n: ExtractedNumber) =>
        n.qualifier ? `${QUAL_WORDS[n.qualifier]} ${n.value}` : `exactly ${n.value}`;
      return [
        pairFinding(this, ctx, {
          side: 'tgt',
          rawScore: 1,
          severity: 'major',
          confidence: 0.7,
          message: `Quantity changed: the source says ${says(a)} ("${s.text.slice(Math.max(0, a.start - 12), a.end).trim()}"), the translation ${says(b)} ("${t.text.slice(Math.max(0, b.start - 16), b.end).trim()}")`,
          evidence: {
            source: [a.raw],
            translation: [b.raw],
            qualifiers: { source: a.qualifier ?? null, translation: b.qualifier ?? null },
          },
          local: [b.start, b.end],
          otherLocal: [a.start, a.end],
        }),
      ];
    }
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
      suggestion:
        changed && side === 'tgt' && onlySrc.length === 1 && /^\d/.test(onlySrc[0]!.raw) ? onlySrc[0]!.raw : null,
    });
    return [f];
  },
};
