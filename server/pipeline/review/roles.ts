import type { Db } from '../../db/index.js';
import { tx } from '../../db/index.js';
import { getAudit } from '../../db/audits.js';
import { setStoryRoles, spinFlagCounts, staleFlags } from '../../db/story-roles.js';
import { loadSegmentedDoc, storeAnalysis } from '../batch/story.js';
import { finishStory, type StoryJob } from '../batch/analyse.js';
import { documentFindings } from '../detect/index.js';
import { thresholdsFor } from '../detect/thresholds.js';
import { spinStoryDetector } from '../detect/spin/index.js';
import { InputError } from '../../errors.js';
import type { Role } from '../types.js';

// A reviewer sets the roles of a story's versions (which is the original, which the spin, which a
// translation) when story analysis got them wrong: a spun copy taken for the original makes its flags suggest
// the spinner's wording. The story is analysed again with those roles (the pivot is the original), every
// detector re-runs, and the flags are reconciled: flags that no longer fire go stale with their verdicts kept
// as history. The same code previews the change: it runs in a transaction that is rolled back.

export interface RoleChange {
  before: { document_id: number; role: Role }[];
  after: { document_id: number; role: Role }[];
  pivot: { before: number | null; after: number };
  /** flags that would appear, and that would go stale (of these, how many carry a verdict kept as history) */
  added: number;
  staled: number;
  staledDecided: number;
  /** spin findings only (style/spin, accuracy/mistranslation of the spin detectors), per document */
  spinFlags: { document_id: number; before: number; after: number }[];
  applied: boolean;
}

class Rollback extends Error {}

export function changeRoles(
  db: Db,
  auditId: number,
  roles: ReadonlyMap<number, Role>,
  thresholds: Record<string, Record<string, number>>,
  apply: boolean,
): RoleChange {
  const stored = getAudit(db, auditId);
  if (!stored) throw new InputError(`no audit ${auditId}`);
  const audit = { pivot: stored.pivot_document_id };
  const before = stored.versions;
  for (const id of roles.keys())
    if (!before.some((v) => v.document_id === id))
      throw new InputError(`document ${id} is not a version of audit ${auditId}`);
  const after = before.map((v) => ({ document_id: v.document_id, role: roles.get(v.document_id) ?? v.role }));
  const versions = after.map((v) => ({
    documentId: v.document_id,
    doc: loadSegmentedDoc(db, v.document_id),
    role: v.role,
  }));
  // the pivot is an original: the one the reviewer just marked as the original, else the old pivot while it
  // stays an original, else the first English original
  const sources = versions.map((v, i) => (v.role === 'source' ? i : -1)).filter((i) => i >= 0);
  if (!sources.length) throw new InputError('a story needs one version marked as the original (source)');
  const marked = sources.find((i) => roles.get(versions[i]!.documentId) === 'source' && before[i]!.role !== 'source');
  const keep = sources.find((i) => versions[i]!.documentId === audit.pivot);
  const pivot = marked ?? keep ?? sources.find((i) => versions[i]!.doc.lang === 'en') ?? sources[0]!;
  const job: StoryJob = { versions: versions.map(({ documentId, doc }) => ({ documentId, doc })), thresholds };
  const withRoles = versions.map((v) => ({ documentId: v.documentId, doc: v.doc, role: v.role }));
  const spin = spinStoryDetector.run({
    versions: withRoles,
    pivot,
    alignments: [],
    thresholds: thresholdsFor(spinStoryDetector, thresholds),
    config: thresholds,
    declaredRoles: true,
  });
  const analysis = finishStory(job, {
    roles: after.map((v) => v.role),
    pivot,
    spin,
    documents: documentFindings(withRoles, thresholds),
  });
  const spinBefore = spinFlagCounts(db, auditId);
  let change: RoleChange | null = null;
  try {
    tx(db, () => {
      const pivotId = versions[pivot]!.documentId;
      setStoryRoles(db, auditId, after, pivotId);
      const staleBefore = new Set(staleFlags(db, auditId).map((f) => f.id));
      const r = storeAnalysis(db, auditId, versions, pivotId, analysis);
      const newlyStale = staleFlags(db, auditId).filter((x) => !staleBefore.has(x.id));
      const spinAfter = spinFlagCounts(db, auditId);
      change = {
        before,
        after,
        pivot: { before: audit.pivot, after: pivotId },
        added: r.inserted,
        staled: r.staled,
        staledDecided: newlyStale.filter((x) => x.decided).length,
        spinFlags: after.map((v) => ({
          document_id: v.document_id,
          before: spinBefore.get(v.document_id) ?? 0,
          after: spinAfter.get(v.document_id) ?? 0,
        })),
        applied: apply,
      };
      if (!apply) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return change!;
}
