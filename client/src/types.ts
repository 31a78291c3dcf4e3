// The API's JSON shapes, as the client reads them (the server's types live in server/db and server/pipeline/review).
export type Severity = 'minor' | 'major' | 'critical';
export type Decision = 'approve' | 'reject' | 'correct';

export interface CurrentDecision {
  verdict_id: number;
  action: Decision;
  text: string | null;
  reviewer_id: number;
  reviewer: string;
  at: string;
}

export interface Flag {
  id: number;
  audit_id: number | null;
  document_id: number;
  other_document_id: number | null;
  document_lang: string;
  other_document_lang: string | null;
  detector: string;
  category: string;
  severity: Severity;
  confidence: number;
  segments: number[];
  start: number | null;
  end: number | null;
  excerpt: string;
  excerpt_start: number | null;
  other_excerpt: string | null;
  message: string;
  suggestion: string | null;
  /** the figures behind the finding (shown under "Figures", not in the message) */
  evidence?: Record<string, unknown>;
  version: number;
  status: 'active' | 'stale';
  decision: CurrentDecision | null;
}

export interface Verdict {
  id: number;
  action: Decision | 'undo';
  text: string | null;
  reviewer: string;
  flag_version: number;
  undoes: number | null;
  undone_by: number | null;
  created_at: string;
}

export interface DetectorStats {
  detector: string;
  flags: number;
  pending: number;
  decided: number;
  precision: number | null;
}
export interface Stats {
  flags: number;
  pending: number;
  decided: number;
  stale: number;
  detectors: DetectorStats[];
}

export interface Segment {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  lang: string;
  boilerplate: false | string;
}

export interface AuditSummary {
  id: number;
  name: string;
  versions: number;
  flags: number;
  pending: number;
  created_at: string;
}

export interface ViewVersion {
  document_id: number;
  role: string;
  lang: string;
  title: string | null;
  path: string;
  pivot: boolean;
  aligned: boolean;
}
export interface Cell {
  segments: Segment[];
  continued?: true;
  flags: number[];
}
export interface AuditView {
  audit: { id: number; name: string; pivot_document_id: number | null };
  versions: ViewVersion[];
  rows: { pivot: number | null; cells: Record<string, Cell> }[];
  flags: Flag[];
  unplaced: number[];
}

/** What a bulk decision on a flag would decide (GET /api/verdicts/bulk). */
export interface BulkCounts {
  identical: { audit: number; batch: number | null };
  detector: number;
}
export interface FlagPage {
  flags: Flag[];
  next: number | null;
  /** how many flags match, on the first page */
  total?: number;
}
