import type { Db } from '../../db/index.js';
import { getAlignment } from '../../db/alignments.js';
import { activeFlags, auditVersionDetails, getAudit, type StoredFlag } from '../../db/audits.js';
import { getSegments } from '../../db/documents.js';
import type { Refusal } from '../../db/batch.js';
import type { Role } from '../types.js';

// The batch report, built from what is stored (so a resumed run reports the stories committed before
// the interruption too): per story and per document, alignment coverage, flags by category and
// severity, and a spin score.

export interface FlagCounts {
  total: number;
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
}

export interface DocumentReport {
  document: number;
  path: string;
  role: Role;
  lang: string;
  sentences: number; // not boilerplate
  /** Share of its sentences linked to a pivot sentence (for the pivot: linked to any other version). */
  coverage: number | null;
  /** Share of its sentences carrying a style/spin flag. */
  spinScore: number;
  flags: FlagCounts;
}

export interface StoryReport {
  audit: number;
  name: string;
  pivot: number | null;
  documents: DocumentReport[];
  flags: FlagCounts;
}

export interface BatchReport {
  run: number | null;
  documents: number;
  stories: StoryReport[];
  refused: Refusal[];
  flags: FlagCounts;
}

const emptyCounts = (): FlagCounts => ({ total: 0, byCategory: {}, bySeverity: {} });
function count(c: FlagCounts, f: Pick<StoredFlag, 'category' | 'severity'>): void {
  c.total++;
  c.byCategory[f.category] = (c.byCategory[f.category] ?? 0) + 1;
  c.bySeverity[f.severity] = (c.bySeverity[f.severity] ?? 0) + 1;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function storyReport(db: Db, auditId: number): StoryReport {
  const audit = getAudit(db, auditId);
  if (!audit) throw new Error(`no audit ${auditId}`);
  const flags = activeFlags(db, auditId);
  const pivot = audit.pivot_document_id;
  const storyCounts = emptyCounts();
  const pivotLinked = new Set<number>();
  const versions = auditVersionDetails(db, auditId);
  const documents: DocumentReport[] = versions.map((v) => {
    const content = new Set(
      getSegments(db, v.document_id)
        .filter((s) => !s.boilerplate)
        .map((s) => s.index),
    );
    let coverage: number | null = null;
    if (pivot !== null && v.document_id !== pivot) {
      const beads = getAlignment(db, auditId, pivot, v.document_id)?.beads ?? [];
      const linked = new Set<number>();
      for (const b of beads) {
        if (!b.src.length || !b.tgt.length) continue;
        for (const t of b.tgt) linked.add(t);
        for (const s of b.src) pivotLinked.add(s);
      }
      coverage = content.size ? [...content].filter((i) => linked.has(i)).length / content.size : null;
    }
    const counts = emptyCounts();
    const spun = new Set<number>();
    for (const f of flags) {
      if (f.document_id !== v.document_id) continue;
      count(counts, f);
      count(storyCounts, f);
      if (f.category === 'style/spin') for (const s of f.segments) if (content.has(s)) spun.add(s);
    }
    return {
      document: v.document_id,
      path: v.path,
      role: v.role,
      lang: v.lang,
      sentences: content.size,
      coverage: coverage === null ? null : round(coverage),
      spinScore: content.size ? round(spun.size / content.size) : 0,
      flags: counts,
    };
  });
  const pv = documents.find((d) => d.document === pivot);
  if (pv && versions.length > 1) {
    const content = new Set(
      getSegments(db, pv.document)
        .filter((s) => !s.boilerplate)
        .map((s) => s.index),
    );
    pv.coverage = content.size ? round([...content].filter((i) => pivotLinked.has(i)).length / content.size) : null;
  }
  return { audit: auditId, name: audit.name, pivot, documents, flags: storyCounts };
}

export function batchReport(db: Db, runId: number | null, auditIds: number[], refused: Refusal[]): BatchReport {
  const stories = [...new Set(auditIds)].map((id) => storyReport(db, id));
  const flags = emptyCounts();
  for (const s of stories) {
    flags.total += s.flags.total;
    for (const [k, v] of Object.entries(s.flags.byCategory)) flags.byCategory[k] = (flags.byCategory[k] ?? 0) + v;
    for (const [k, v] of Object.entries(s.flags.bySeverity)) flags.bySeverity[k] = (flags.bySeverity[k] ?? 0) + v;
  }
  const documents = stories.reduce((n, s) => n + s.documents.length, 0);
  return { run: runId, documents, stories, refused, flags };
}
