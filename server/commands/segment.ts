import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { writeJsonl, writeLine } from './io.js';
import type { SegmentRecord } from '../../contract/index.js';

export function registerSegment(program: Command): void {
  program
    .command('segment')
    .description('show what ingest and segmentation see in a file: one sentence per line')
    .argument('<file>', 'txt, md, html or jsonl file')
    .option(
      '--jsonl',
      'one JSON record per sentence: {start,end,text,paragraph,lang,boilerplate} (plus "doc" when a JSONL file has several records)',
    )
    .action(async (file: string, opts: { jsonl?: boolean }) => {
      const cfg = loadConfig();
      const [{ ingestFile }, { segmentDoc }] = await Promise.all([
        import('../pipeline/ingest/index.js'),
        import('../pipeline/segment/index.js'),
      ]);
      // Everything is ingested (and so validated) before the first line is printed.
      const docs = ingestFile(file, { maxBytes: cfg.limits.maxFileBytes }).map(segmentDoc);
      const several = docs.length > 1;
      for (const doc of docs) {
        if (opts.jsonl) {
          writeJsonl(
            doc.segments.map((s): SegmentRecord => ({
              ...(several ? { doc: doc.path } : {}),
              start: s.start,
              end: s.end,
              text: s.text,
              paragraph: s.paragraph,
              lang: s.lang,
              boilerplate: s.boilerplate,
            })),
          );
        } else {
          if (several || doc.title)
            writeLine(
              `# ${several ? `${doc.path} ` : ''}[${doc.lang}, ${doc.encoding}]${doc.title ? ` ${doc.title}` : ''}`,
            );
          for (const s of doc.segments)
            writeLine(`${s.paragraph}\t${s.lang}\t${s.boilerplate ? `[${s.boilerplate}] ` : ''}${s.text}`);
        }
      }
    });
}
