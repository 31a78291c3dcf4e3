import type { PlacedFinding } from '../detect/index.js';
import type { StoryContext } from '../detect/types.js';
import type { SegmentedDoc } from '../types.js';
import type { LlmStats } from '../../llm/stats.js';
import type { JudgeStats } from '../../llm/judge.js';

// The model layer as a plug-in of the audit service: what an optional language model adds to a story's
// offline analysis (embeddings before alignment, a judge after detection). The service never imports the
// model code; the commands and the API hand it llm/model-layer.ts's implementation, or nothing (offline).

export interface JudgeOptions {
  /** judge every aligned pair, not only flagged or weakly aligned ones */
  all?: boolean;
  /** also judge pairs whose alignment score is below this */
  lowScore?: number;
}

export interface JudgeResult {
  /** the offline findings (confidences adjusted) plus the judge's own */
  placed: PlacedFinding[];
  stats: JudgeStats;
  /** the pairs judged this time, by version and the version's sentences */
  judgedPairs: { version: number; segments: number[] }[];
}

export interface ModelLayer {
  /** this process's counters (requests, cache hits, what was skipped), read when a run ends */
  readonly stats: LlmStats;
  /** the detector id the judge's findings carry */
  readonly judgeDetector: string;
  /** sentence embeddings per document (null where the endpoint failed); absent without an embedding model */
  embed?: (docs: SegmentedDoc[]) => Promise<(Float32Array[] | null)[]>;
  /** the judge over a story after offline detection; absent without a chat model */
  judge?: (ctx: StoryContext, placed: PlacedFinding[], opts?: JudgeOptions) => Promise<JudgeResult>;
}
