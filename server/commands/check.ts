import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { InputError } from '../errors.js';
import type { SegmentedDoc } from '../pipeline/types.js';
import type { CheckRecord } from '../pipeline/detect/check.js';
import { writeJsonl, writeLine } from './io.js';
import { ingestModule } from './ingest-module.js';
import type { CheckRecord as ContractCheckRecord } from '../../contract/index.js';

async function load(path: string, presegmented: boolean, maxBytes: number): Promise<SegmentedDoc> {
  const [{ ingestFile }, { segmentDoc, segmentLines }, { detectLang }] = await Promise.all([
    ingestModule(path),
    import('../pipeline/segment/index.js'),
    import('../lang/langid.js'),
  ]);
  const docs = ingestFile(path, { maxBytes });
  if (docs.length !== 1) throw new InputError(`expected one document, found ${docs.length} records`, path);
  const doc = docs[0]!;
  if (!presegmented) return segmentDoc(doc);
  const lang = detectLang(doc.text) ?? 'en';
  return { ...doc, lang, segments: segmentLines(doc.text, lang) };
}

const where = (r: CheckRecord) =>
  `src ${r.src.length ? r.src.join('+') : '-'} ↔ tgt ${r.tgt.length ? r.tgt.join('+') : '-'}`;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'align a source and its translation, then flag mistranslations (numbers, names, negation, omissions, …)',
    )
    .argument('<src>', 'the source text (txt, md, html, or one-record jsonl)')
    .argument('<tgt>', 'its translation')
    .option('--presegmented', 'each input line is one sentence (0-based line numbers)')
    .option(
      '--jsonl',
      'one JSON record per flag: {src,tgt,detector,category,severity,confidence,message,evidence,suggestion,span}',
    )
    .action(async (srcPath: string, tgtPath: string, opts: { presegmented?: boolean; jsonl?: boolean }) => {
      const cfg = loadConfig();
      const src = await load(srcPath, Boolean(opts.presegmented), cfg.limits.maxFileBytes);
      const tgt = await load(tgtPath, Boolean(opts.presegmented), cfg.limits.maxFileBytes);
      const { checkDocs } = await import('../pipeline/detect/check.js');
      const records = checkDocs(src, tgt, cfg.thresholds);
      if (opts.jsonl) {
        writeJsonl(records satisfies ContractCheckRecord[]);
        return;
      }
      writeLine(
        `${srcPath} (${src.lang}, ${src.segments.length} sentences) → ${tgtPath} (${tgt.lang}, ${tgt.segments.length} sentences): ${records.length} flag(s)`,
      );
      for (const r of records) {
        writeLine(
          `${where(r)}  [${r.severity}] ${r.detector} (${r.category}, ${r.confidence.toFixed(2)}): ${r.message}`,
        );
        if (r.suggestion) writeLine(`    suggestion: ${r.suggestion}`);
      }
    });
}
