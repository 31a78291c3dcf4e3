import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { InputError } from '../errors.js';
import type { Bead, SegmentedDoc } from '../pipeline/types.js';
import { writeJsonl, writeLine } from './io.js';
import type { AlignRecord } from '../../contract/index.js';
import { ingestModule } from './ingest-module.js';

interface AlignCliOptions {
  presegmented?: boolean;
  jsonl?: boolean;
}

/** One document from a path: segmented as ingest + segmentation see it, or one sentence per line. */
async function readSide(path: string, presegmented: boolean): Promise<SegmentedDoc> {
  if (!existsSync(path)) throw new InputError('no such file', path);
  if (statSync(path).isDirectory()) throw new InputError('is a folder, expected a file', path);
  const [{ ingestFile }, { segmentDoc, segmentLines }] = await Promise.all([
    ingestModule(path),
    import('../pipeline/segment/index.js'),
  ]);
  const docs = ingestFile(path, { maxBytes: loadConfig().limits.maxFileBytes });
  if (docs.length !== 1) throw new InputError(`holds ${docs.length} documents; tapat align takes one per side`, path);
  const seg = segmentDoc(docs[0] as SegmentedDoc);
  if (!presegmented) return seg;
  // Line numbers are the sentence indexes; segmentation still tells the language.
  return { ...seg, segments: segmentLines(seg.text, seg.lang) };
}

export function registerAlign(program: Command): void {
  program
    .command('align')
    .description('align the sentences of two versions of a text: every sentence of both appears in exactly one bead')
    .argument('<src>', 'source version (txt, md, html or a one-record jsonl)')
    .argument('<tgt>', 'target version')
    .option('--presegmented', 'each input line is one sentence (0-based line numbers)')
    .option(
      '--jsonl',
      'one JSON record per bead: {"src":[i,...],"tgt":[j,...],"score":s}; [] on one side is a null link',
    )
    .action(async (srcPath: string, tgtPath: string, opts: AlignCliOptions) => {
      const src = await readSide(srcPath, opts.presegmented ?? false);
      const tgt = await readSide(tgtPath, opts.presegmented ?? false);
      const [{ alignSentences }, { alignSide }, { embeddingSimilarity }] = await Promise.all([
        import('../pipeline/align/index.js'),
        import('../core/align-side.js'),
        import('../llm/embeddings.js'),
      ]);
      const [a, b] = [alignSide(src), alignSide(tgt)];
      // Embeddings only when the model layer is configured (TAPAT_EMBED_MODEL …); null otherwise or on failure.
      const extraSimilarity = await embeddingSimilarity(null, loadConfig(), a.sentences, b.sentences);
      const beads = alignSentences(a, b, { extraSimilarity });
      if (opts.jsonl) writeJsonl(beads.map((b): AlignRecord => ({ src: b.src, tgt: b.tgt, score: b.score })));
      else printSideBySide(beads, src, tgt);
    });
}

function printSideBySide(beads: Bead[], src: SegmentedDoc, tgt: SegmentedDoc): void {
  const text = (doc: SegmentedDoc, idx: number[]): string => idx.map((i) => doc.segments[i]?.text ?? '').join(' ');
  const ids = (idx: number[]): string => (idx.length ? idx.join(',') : '-');
  for (const b of beads) {
    writeLine(
      `[${ids(b.src)}] ↔ [${ids(b.tgt)}]  ${b.src.length && b.tgt.length ? 'link' : 'null'} ${b.score.toFixed(2)}`,
    );
    writeLine(`  < ${b.src.length ? text(src, b.src) : '∅'}`);
    writeLine(`  > ${b.tgt.length ? text(tgt, b.tgt) : '∅'}`);
  }
}
