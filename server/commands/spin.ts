import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { InputError } from '../errors.js';
import type { IngestedDoc } from '../pipeline/types.js';
import { writeJsonl, writeLine } from './io.js';
import type { SpinRecord } from '../../contract/index.js';

async function ingest(path: string, maxBytes: number): Promise<IngestedDoc[]> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new InputError('no such file', path);
  const { ingestFile } = await import('../pipeline/ingest/index.js');
  return ingestFile(path, { maxBytes });
}

export function registerSpin(program: Command): void {
  program
    .command('spin')
    .description('flag article-spinner output in FILE; with --original, classify every change as spin or meaning')
    .argument('<file>', 'possibly spun text (txt, md, html or jsonl)')
    .option('--original <file>', 'the original the text was spun from (same language)')
    .option('--jsonl', 'one JSON record per finding: {start,end,text,kind,suggestion,confidence,detector}')
    .action(async (file: string, opts: { original?: string; jsonl?: boolean }) => {
      const cfg = loadConfig();
      const { detectSpin } = await import('../pipeline/detect/spin/index.js');
      const { allDetectors } = await import('../pipeline/detect/registry.js');
      const { validateThresholds } = await import('../pipeline/detect/thresholds.js');
      // the one threshold check `tapat audit` makes: a misspelt detector id or key is refused here too
      validateThresholds(cfg.thresholds, allDetectors());
      const docs = await ingest(file, cfg.limits.maxFileBytes);
      const originals = opts.original ? await ingest(opts.original, cfg.limits.maxFileBytes) : null;
      docs.forEach((doc, i) => {
        // a JSONL original pairs record by record; otherwise its (first) text is the original of every record
        const original = originals ? (originals.length === docs.length ? originals[i] : originals[0])?.text : undefined;
        const findings = detectSpin(doc.text, { original: original ?? null, thresholds: cfg.thresholds });
        const multi = docs.length > 1 ? { doc: doc.path } : {};
        if (opts.jsonl) {
          writeJsonl(
            findings.map((f): SpinRecord => ({
              start: f.start,
              end: f.end,
              text: f.text,
              kind: f.kind,
              suggestion: f.suggestion,
              confidence: round(f.confidence),
              detector: f.detector,
              ...multi,
            })),
          );
        } else {
          if (docs.length > 1) writeLine(`# ${doc.path}`);
          for (const f of findings) {
            const sugg = f.suggestion === null ? '' : ` → ${JSON.stringify(f.suggestion)}`;
            writeLine(
              `${f.start}-${f.end}\t${f.kind}\t${JSON.stringify(f.text)}${sugg}\t${round(f.confidence)}\t${f.detector}`,
            );
          }
        }
      });
    });
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
