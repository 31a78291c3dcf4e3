// Pair detectors on real professional translations (npm run bench:check-real → bench/results/check-real.json),
// reported beside the synthetic figures of bench/check.ts (injected errors in FLORES-200 dev).
// Real material: TICO-19 dev (professional en→tl translations of Wikinews, Wikipedia, PubMed, Wikivoyage,
// Wikisource and CMU texts; CC0), untouched. Its documents are split once, by hand, into a TUNING part (read
// while fixing the checks) and a REPORTING part (only scored). Every major flag on either part is hand-labelled
// in bench/real-labels/tico19-dev.tsv (real = a reviewer would want it, false = not); a flag with no label
// counts as false and is printed, so a change that makes new flags cannot raise precision unseen.
// Lines whose Tagalog equals the English (untranslated in the source data) are reported apart, not in precision.
// Caveat: part of the shipped lexicon's IBM-1 entries were learned from TICO-19 dev (see data/lexicon/SOURCES.md).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectPair } from '../server/pipeline/detect/pair.js';
import { docFromLines, diagonalBeads } from '../server/pipeline/detect/examples.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARALLEL = join(ROOT, '..', 'shared', 'data', 'parallel');
const LABELS = join(ROOT, 'bench', 'real-labels', 'tico19-dev.tsv');
const SHOW = process.argv.includes('--show'); // print every major flag with its label

// Chosen before any fix was made; the two Wikinews news articles are in the reporting part.
const TUNING = new Set(['CMU_1', 'PubMed_10', 'Wikivoyage_1', 'wiki_5', 'wiki_13', 'wiki_26']);
const REPORTING = new Set([
  'Wikinews_2',
  'Wikinews_5',
  'PubMed_9',
  'Wikipedia_handpicked_5',
  'Wikisource_1',
  'wiki_11',
  'wiki_29',
]);

type Verdict = 'real' | 'false';
interface Flag {
  part: 'tuning' | 'reporting';
  doc: string;
  line: number; // 1-based line of tico19-dev.{en,tl}
  detector: string;
  message: string;
  verdict: Verdict | 'unlabelled';
}

function readLabels(): Map<string, { verdict: Verdict; note: string }> {
  const m = new Map<string, { verdict: Verdict; note: string }>();
  if (!existsSync(LABELS)) return m;
  for (const row of readFileSync(LABELS, 'utf8').split('\n').slice(1)) {
    const [line, detector, verdict, note] = row.split('\t');
    if (!line || !detector) continue;
    if (verdict !== 'real' && verdict !== 'false')
      throw new Error(`${LABELS}: bad verdict "${verdict}" for line ${line}`);
    m.set(`${line}\t${detector}`, { verdict, note: note ?? '' });
  }
  return m;
}

const readSet = (set: string, ext: string) =>
  readFileSync(join(PARALLEL, `${set}.${ext}`), 'utf8')
    .replace(/\n$/, '')
    .split('\n');
const read = (ext: string) => readSet('tico19-dev', ext);
const en = read('en');
const tl = read('tl');
const docid = read('docid');
const labels = readLabels();

const docs = new Map<string, number[]>();
docid.forEach((d, i) => (docs.get(d) ?? docs.set(d, []).get(d)!).push(i));
for (const d of docs.keys())
  if (!TUNING.has(d) && !REPORTING.has(d)) throw new Error(`document ${d} is in neither part`);

const t0 = performance.now();
const flags: Flag[] = [];
const lines = { tuning: 0, reporting: 0 };
const untranslated = { tuning: { n: 0, flagged: 0 }, reporting: { n: 0, flagged: 0 } };
for (const [d, idx] of docs) {
  const part = TUNING.has(d) ? 'tuning' : 'reporting';
  const found = detectPair(
    docFromLines(
      idx.map((i) => en[i]!),
      'en',
    ),
    docFromLines(
      idx.map((i) => tl[i]!),
      'tl',
    ),
    diagonalBeads(idx.length),
    {
      srcLang: 'en',
      tgtLang: 'tl',
    },
  );
  idx.forEach((i, b) => {
    const major = found.filter((f) => f.bead === b && f.finding.severity !== 'minor');
    if (en[i]!.trim() === tl[i]!.trim()) {
      untranslated[part].n++;
      if (major.length) untranslated[part].flagged++;
      return;
    }
    lines[part]++;
    for (const f of major) {
      const label = labels.get(`${i + 1}\t${f.finding.detector}`);
      flags.push({
        part,
        doc: d,
        line: i + 1,
        detector: f.finding.detector,
        message: f.finding.message,
        verdict: label?.verdict ?? 'unlabelled',
      });
    }
  });
}

const ratio = (a: number, b: number) => (b ? Number((a / b).toFixed(4)) : null);
function summary(fs: Flag[], n: number) {
  const real = fs.filter((f) => f.verdict === 'real').length;
  const detectors = [...new Set(fs.map((f) => f.detector))].sort();
  return {
    lines: n,
    majorFlags: fs.length,
    real,
    false: fs.filter((f) => f.verdict === 'false').length,
    unlabelled: fs.filter((f) => f.verdict === 'unlabelled').length,
    precision: ratio(real, fs.length),
    linesWithFalseMajorFlag: ratio(new Set(fs.filter((f) => f.verdict !== 'real').map((f) => f.line)).size, n),
    perDetector: Object.fromEntries(
      detectors.map((d) => {
        const of = fs.filter((f) => f.detector === d);
        const r = of.filter((f) => f.verdict === 'real').length;
        return [d, { flags: of.length, real: r, precision: ratio(r, of.length) }];
      }),
    ),
  };
}

// The synthetic side: the committed figures of bench/check.ts (run `npm run bench:check` first to refresh them).
let synthetic: unknown = null;
const checkJson = join(ROOT, 'bench', 'results', 'check.json');
if (existsSync(checkJson)) {
  const c = JSON.parse(readFileSync(checkJson, 'utf8')) as {
    seed: number;
    overall: { precision: number; falseMajorFlagRateOnClean: number; recall: Record<string, { recall: number }> };
    sets: Record<string, { precision: number; falseMajorFlagRateOnClean: number; clean: number }>;
  };
  const flores = c.sets['flores200-dev']!;
  synthetic = {
    source: 'bench/results/check.json (npm run bench:check)',
    seed: c.seed,
    floresCleanLines: flores.clean,
    floresFalseMajorFlagRateOnClean: flores.falseMajorFlagRateOnClean,
    floresPrecision: flores.precision,
    overallPrecision: c.overall.precision,
    overallFalseMajorFlagRateOnClean: c.overall.falseMajorFlagRateOnClean,
    recallPerKind: Object.fromEntries(Object.entries(c.overall.recall).map(([k, v]) => [k, v.recall])),
  };
}

// Second real set: Tatoeba eng–tgl test (CC BY 2.0 FR; crowd-sourced human translations of short everyday
// sentences). It has no documents: blocks of 10 lines give the checks their context, as in bench/check.ts.
// The split was fixed before any Tatoeba result was looked at: even blocks tune, odd blocks report.
const TAT_LABELS = join(ROOT, 'bench', 'real-labels', 'tatoeba-test.tsv');
const tatLabels = (() => {
  const m = new Map<string, Verdict>();
  if (!existsSync(TAT_LABELS)) return m;
  for (const row of readFileSync(TAT_LABELS, 'utf8').split('\n').slice(1)) {
    const [line, detector, verdict] = row.split('\t');
    if (!line || !detector) continue;
    if (verdict !== 'real' && verdict !== 'false')
      throw new Error(`${TAT_LABELS}: bad verdict "${verdict}" for line ${line}`);
    m.set(`${line}\t${detector}`, verdict);
  }
  return m;
})();
const tEn = readSet('tatoeba-test', 'en');
const tTl = readSet('tatoeba-test', 'tl');
const tatFlags: Flag[] = [];
const tatLines = { tuning: 0, reporting: 0 };
for (let b = 0; b * 10 < tEn.length; b++) {
  const part = b % 2 === 0 ? 'tuning' : 'reporting';
  const idx = Array.from({ length: Math.min(10, tEn.length - b * 10) }, (_, k) => b * 10 + k);
  const found = detectPair(
    docFromLines(
      idx.map((i) => tEn[i]!),
      'en',
    ),
    docFromLines(
      idx.map((i) => tTl[i]!),
      'tl',
    ),
    diagonalBeads(idx.length),
    {
      srcLang: 'en',
      tgtLang: 'tl',
    },
  );
  idx.forEach((i, k) => {
    tatLines[part]++;
    for (const f of found.filter((x) => x.bead === k && x.finding.severity !== 'minor')) {
      const verdict = tatLabels.get(`${i + 1}\t${f.finding.detector}`) ?? 'unlabelled';
      tatFlags.push({
        part,
        doc: `tatoeba-${b}`,
        line: i + 1,
        detector: f.finding.detector,
        message: f.finding.message,
        verdict,
      });
    }
  });
}

// Third real set, unseen until this split: NTREX-128 en→fil (CC BY-SA 4.0; professional translations of 2018
// English news), its first 16 documents copied to bench/real-data/ntrex128-fil/ (see SOURCES.md there). The split
// was fixed before any detector ran on it: documents in file order, even-numbered ones tune, odd-numbered ones
// report. Reporting-part flags print only with --label-reporting, to be labelled once, after the code is final.
const NTREX = join(ROOT, 'bench', 'real-data', 'ntrex128-fil');
const NT_LABELS = join(ROOT, 'bench', 'real-labels', 'ntrex128-fil.tsv');
const ntLabels = (() => {
  const m = new Map<string, Verdict>();
  if (!existsSync(NT_LABELS)) return m;
  for (const row of readFileSync(NT_LABELS, 'utf8').split('\n').slice(1)) {
    const [line, detector, verdict] = row.split('\t');
    if (!line || !detector) continue;
    if (verdict !== 'real' && verdict !== 'false')
      throw new Error(`${NT_LABELS}: bad verdict "${verdict}" for line ${line}`);
    m.set(`${line}\t${detector}`, verdict);
  }
  return m;
})();
const readNt = (f: string) => readFileSync(join(NTREX, f), 'utf8').replace(/\n$/, '').split('\n');
const nEn = readNt('en.txt');
const nTl = readNt('fil.txt');
const nDoc = readNt('docid.txt');
const ntDocs = new Map<string, number[]>();
nDoc.forEach((d, i) => (ntDocs.get(d) ?? ntDocs.set(d, []).get(d)!).push(i));
const ntFlags: Flag[] = [];
const ntLines = { tuning: 0, reporting: 0 };
[...ntDocs].forEach(([d, idx], k) => {
  const part = k % 2 === 0 ? 'tuning' : 'reporting';
  const found = detectPair(
    docFromLines(
      idx.map((i) => nEn[i]!),
      'en',
    ),
    docFromLines(
      idx.map((i) => nTl[i]!),
      'tl',
    ),
    diagonalBeads(idx.length),
    { srcLang: 'en', tgtLang: 'tl' },
  );
  idx.forEach((i, b) => {
    ntLines[part]++;
    for (const f of found.filter((x) => x.bead === b && x.finding.severity !== 'minor')) {
      ntFlags.push({
        part,
        doc: d,
        line: i + 1,
        detector: f.finding.detector,
        message: f.finding.message,
        verdict: ntLabels.get(`${i + 1}\t${f.finding.detector}`) ?? 'unlabelled',
      });
    }
  });
});

const TAGALOG_READING = new Set(['numbers', 'entities', 'negation']);
const result = {
  note:
    'Real material: TICO-19 dev (CC0), professional en→tl translations, uncorrupted, detectors on the gold 1-1 beads with the document as context. ' +
    'Major flags hand-labelled in bench/real-labels/tico19-dev.tsv; unlabelled flags count as false. TUNING documents were read while fixing the checks; ' +
    'REPORTING documents only scored. Synthetic = injected errors (bench/check.ts).',
  parts: { tuning: [...TUNING], reporting: [...REPORTING] },
  real: {
    reporting: summary(
      flags.filter((f) => f.part === 'reporting'),
      lines.reporting,
    ),
    tuning: summary(
      flags.filter((f) => f.part === 'tuning'),
      lines.tuning,
    ),
    untranslatedInSource: untranslated,
  },
  tatoeba: {
    note: 'Tatoeba eng–tgl test (CC BY 2.0 FR), 2,500 short human translations in blocks of 10; even blocks tune, odd blocks report. Labels: bench/real-labels/tatoeba-test.tsv.',
    reporting: summary(
      tatFlags.filter((f) => f.part === 'reporting'),
      tatLines.reporting,
    ),
    tuning: summary(
      tatFlags.filter((f) => f.part === 'tuning'),
      tatLines.tuning,
    ),
  },
  ntrex: {
    note:
      'NTREX-128 en→fil (CC BY-SA 4.0), first 16 news documents (256 lines), unseen until split: even documents tune, odd report. Labels: bench/real-labels/ntrex128-fil.tsv. ' +
      'The reporting half was labelled once, at commit 1aee747: 7 major flags, 0 real (the code before this round: 6 flags, 0 real). One fix followed from it (a sentence-initial ' +
      '"Whether" read as a name: closed-class English words listed), so its figure since is not a clean hold-out for that rule. The shipped lexicon never saw NTREX (it saw TICO-19 dev and Tatoeba test).',
    reporting: summary(
      ntFlags.filter((f) => f.part === 'reporting'),
      ntLines.reporting,
    ),
    tuning: summary(
      ntFlags.filter((f) => f.part === 'tuning'),
      ntLines.tuning,
    ),
  },
  reportingBothSets: summary(
    [...flags, ...tatFlags].filter((f) => f.part === 'reporting'),
    lines.reporting + tatLines.reporting,
  ),
  // The checks that read Tagalog (number words, names, negation), apart from the language-blind ones
  // (misalignment and length ratio, which short everyday sentences and non-document blocks trip).
  tagalogReading: {
    detectors: [...TAGALOG_READING],
    reportingBothSets: summary(
      [...flags, ...tatFlags].filter((f) => f.part === 'reporting' && TAGALOG_READING.has(f.detector)),
      lines.reporting + tatLines.reporting,
    ),
    tuningBothSets: summary(
      [...flags, ...tatFlags].filter((f) => f.part === 'tuning' && TAGALOG_READING.has(f.detector)),
      lines.tuning + tatLines.tuning,
    ),
  },
  synthetic,
  seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
};
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'check-real.json'), JSON.stringify(result, null, 2) + '\n');
for (const f of flags) {
  if (SHOW || f.verdict === 'unlabelled') {
    console.log(
      `${f.verdict === 'unlabelled' ? 'UNLABELLED ' : f.verdict.padEnd(6)} ${f.part} ${f.doc}\t${f.line}\t${f.detector}\t${f.message}\n  EN: ${en[f.line - 1]}\n  TL: ${tl[f.line - 1]}`,
    );
  }
}
// Reporting-part flags are printed only on request (--label-reporting), to label them after the code is final.
for (const f of tatFlags) {
  if (
    (f.verdict === 'unlabelled' && (f.part === 'tuning' || process.argv.includes('--label-reporting'))) ||
    (SHOW && f.part === 'tuning')
  ) {
    console.log(
      `${f.verdict === 'unlabelled' ? 'UNLABELLED ' : f.verdict.padEnd(6)} tatoeba ${f.part}\t${f.line}\t${f.detector}\t${f.message}\n  EN: ${tEn[f.line - 1]}\n  TL: ${tTl[f.line - 1]}`,
    );
  }
}
for (const f of ntFlags) {
  if (
    (f.verdict === 'unlabelled' && (f.part === 'tuning' || process.argv.includes('--label-reporting'))) ||
    (SHOW && f.part === 'tuning')
  ) {
    console.log(
      `${f.verdict === 'unlabelled' ? 'UNLABELLED ' : f.verdict.padEnd(6)} ntrex ${f.part} ${f.doc}\t${f.line}\t${f.detector}\t${f.message}\n  EN: ${nEn[f.line - 1]}\n  TL: ${nTl[f.line - 1]}`,
    );
  }
}
for (const p of ['reporting', 'tuning'] as const) {
  const s = result.real[p];
  console.log(
    `real ${p}: ${s.lines} lines, ${s.majorFlags} major flags, ${s.real} real, ${s.unlabelled} unlabelled; precision ${s.precision}; ${JSON.stringify(s.perDetector)}`,
  );
}
for (const p of ['reporting', 'tuning'] as const) {
  const s = result.tatoeba[p];
  console.log(
    `tatoeba ${p}: ${s.lines} lines, ${s.majorFlags} major flags, ${s.real} real, ${s.unlabelled} unlabelled; precision ${s.precision}; ${JSON.stringify(s.perDetector)}`,
  );
}
for (const p of ['reporting', 'tuning'] as const) {
  const s = result.ntrex[p];
  console.log(
    `ntrex ${p}: ${s.lines} lines, ${s.majorFlags} major flags, ${s.real} real, ${s.unlabelled} unlabelled; precision ${s.precision}; ${JSON.stringify(s.perDetector)}`,
  );
}
const both = result.reportingBothSets;
console.log(
  `reporting, both sets: ${both.lines} lines, ${both.majorFlags} major flags, ${both.real} real, ${both.unlabelled} unlabelled; precision ${both.precision}`,
);
for (const p of ['reportingBothSets', 'tuningBothSets'] as const) {
  const s = result.tagalogReading[p];
  console.log(
    `numbers/entities/negation, ${p}: ${s.majorFlags} major flags, ${s.real} real, ${s.unlabelled} unlabelled; precision ${s.precision}`,
  );
}
console.log(`synthetic: ${JSON.stringify(synthetic)}`);
