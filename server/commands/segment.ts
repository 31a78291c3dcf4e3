import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { ingestFile } from '../pipeline/ingest/index.js';
import { segmentDoc } from '../pipeline/segment/index.js';
import { writeJsonl, writeLine } from './io.js';

export function registerSegment(program: Command): void {
  program
    .command('segment')
    .description('show what ingest and segmentation see in a file: one sentence per line')
    .argument('<file>', 'txt, md, html or jsonl file')
    .option('--jsonl', 'one JSON record per sentence: {start,end,text,paragraph,lang,boilerplate}')
    .action((file: string, opts: { jsonl?: boolean }) => {
      const cfg = loadConfig();
      for (const doc of ingestFile(file, { maxBytes: cfg.limits.maxFileBytes }).map(segmentDoc)) {
        if (opts.jsonl) {
          writeJsonl(
            doc.segments.map((s) => ({
              start: s.start,
              end: s.end,
              text: s.text,
              paragraph: s.paragraph,
              lang: s.lang,
              boilerplate: s.boilerplate,
            })),
          );
        } else {
          for (const s of doc.segments) writeLine(`${s.paragraph}\t${s.lang}\t${s.boilerplate ? `[${s.boilerplate}] ` : ''}${s.text}`);
        }
      }
    });
}
