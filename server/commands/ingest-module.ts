import type { IngestedDoc } from '../pipeline/types.js';
import type { IngestOptions } from '../pipeline/ingest/read.js';

// The ingest a command taking one file per side needs: a JSONL record is checked with zod (contract/), which
// costs a command's start-up more than reading a text file does, so it is loaded only for a path ingest reads
// as JSONL.
export async function ingestModule(
  path: string,
): Promise<{ ingestFile: (path: string, opts: IngestOptions) => IngestedDoc[] }> {
  const read = await import('../pipeline/ingest/read.js');
  return read.formatOf(path) === 'jsonl' ? import('../pipeline/ingest/index.js') : read;
}
