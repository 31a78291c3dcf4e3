import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { InputError } from '../errors.js';
import { ingestFile } from '../pipeline/ingest/index.js';
import { segmentDoc, segmentLines } from '../pipeline/segment/index.js';
import { detectLang } from '../lang/langid.js';
import type { SegmentedDoc } from '../pipeline/types.js';
import { checkDocs, type CheckRecord } from '../pipeline/detect/check.js';
import { writeJsonl, writeLine } from './io.js';

function load(path: string, presegmented: boolean, maxBytes: number): SegmentedDoc {
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
    .description('align a source and its translation, then flag mistranslations (numbers, names, negation, omissions, …)')
    .argument('<src>', 'the source text (txt, md, html, or one-record jsonl)')
    .argument('<tgt>', 'its translation')
    .option('--presegmented', 'each input line is one sentence (0-based line numbers)')
    .option('--jsonl', 'one JSON record per flag: {src,tgt,detector,category,severity,confidence,message,evidence,suggestion,span}')
    .action((srcPath: string, tgtPath: string, opts: { presegmented?: boolean; jsonl?: boolean }) => {
      const cfg = loadConfig();
      const src = load(srcPath, Boolean(opts.presegmented), cfg.limits.maxFileBytes);
      const tgt = load(tgtPath, Boolean(opts.presegmented), cfg.limits.maxFileBytes);
      const records = checkDocs(src, tgt, cfg.thresholds);
      if (opts.jsonl) {
        writeJsonl(records);
        return;
      }
      writeLine(`${srcPath} (${src.lang}, ${src.segments.length} sentences) → ${tgtPath} (${tgt.lang}, ${tgt.segments.length} sentences): ${records.length} flag(s)`);
      for (const r of records) {
        writeLine(`${where(r)}  [${r.severity}] ${r.detector} (${r.category}, ${r.confidence.toFixed(2)}): ${r.message}`);
        if (r.suggestion) writeLine(`    suggestion: ${r.suggestion}`);
      }
    });
}
