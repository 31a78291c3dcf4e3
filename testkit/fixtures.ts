import { loadConfig } from '../server/config.js';
import { type Db, toJson, tx } from '../server/db/index.js';
import { storeDocument } from '../server/db/documents.js';
import { createAudit } from '../server/db/audits.js';
import { addReviewer, type Reviewer } from '../server/db/reviewers.js';
import { ingestFile } from '../server/pipeline/ingest/index.js';
import { segmentDoc, segmentText } from '../server/pipeline/segment/index.js';
import { alignSentences } from '../server/pipeline/align/index.js';
import { detectStory } from '../server/pipeline/detect/index.js';
import { reconcileFlags } from '../server/db/flags.js';
import type { Bead, Category, Lang, Role, SegmentedDoc, Severity } from '../server/pipeline/types.js';
import { nowIso } from '../server/clock.js';
import { seed } from './paths.js';

// A realistic audit in a real database, built with the real ingest, segment and align functions and the real
// storage helpers. Flags are inserted with SQL, as detection would store them (detection lands separately).

export interface FlagSpec {
  auditId: number | null;
  documentId: number;
  otherDocumentId?: number | null;
  detector: string;
  category: Category;
  severity: Severity;
  confidence: number;
  segments: number[];
  otherSegments?: number[];
  start?: number | null;
  end?: number | null;
  message: string;
  suggestion?: string | null;
  evidence?: Record<string, unknown>;
  fingerprint?: string;
}

let fingerprints = 0;
export function insertFlag(db: Db, f: FlagSpec): number {
  const now = nowIso();
  return Number(
    db
      .prepare(
        `INSERT INTO flags (audit_id, document_id, other_document_id, detector, category, severity, confidence, raw_score,
           segments, other_segments, start, end, message, evidence, suggestion, fingerprint, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.auditId,
        f.documentId,
        f.otherDocumentId ?? null,
        f.detector,
        f.category,
        f.severity,
        f.confidence,
        f.confidence,
        toJson(f.segments),
        toJson(f.otherSegments ?? []),
        f.start ?? null,
        f.end ?? null,
        f.message,
        toJson(f.evidence ?? {}),
        f.suggestion ?? null,
        f.fingerprint ?? `fx-${++fingerprints}-${Math.random().toString(36).slice(2)}`,
        now,
        now,
      ).lastInsertRowid,
  );
}

function segmented(prefix: string, lang: Lang): SegmentedDoc {
  const [doc] = ingestFile(seed(prefix), { maxBytes: loadConfig({}, '/nonexistent').limits.maxFileBytes });
  const s = segmentDoc({ ...doc!, declaredLang: lang });
  return { ...s, lang };
}

function storeAlignment(db: Db, auditId: number, src: number, tgt: number, beads: Bead[]): void {
  const id = Number(
    db
      .prepare(
        'INSERT INTO alignments (audit_id, src_document_id, tgt_document_id, method, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(auditId, src, tgt, 'fixture', nowIso()).lastInsertRowid,
  );
  const ins = db.prepare('INSERT INTO beads (alignment_id, ord, src, tgt, score) VALUES (?, ?, ?, ?, ?)');
  beads.forEach((b, i) => ins.run(id, i, toJson(b.src), toJson(b.tgt), b.score));
}

/** Where `needle` occurs in a document: the span and the sentence it starts in. */
function locate(doc: SegmentedDoc, needle: string): { start: number; end: number; segment: number } {
  const start = doc.text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in ${doc.path}`);
  const seg = doc.segments.find((s) => s.start <= start && start < s.end);
  if (!seg) throw new Error(`fixture: "${needle}" is in no sentence of ${doc.path}`);
  return { start, end: start + needle.length, segment: seg.index };
}

export interface SampleAudit {
  auditId: number;
  tl: number;
  en: number;
  spin: number;
  /** Flag ids in insertion order. */
  flags: number[];
}

/**
 * The sample story: Tagalog 000, English 004 (the pivot: the English article 000 shares most with), spun 003;
 * aligned with the real aligner; six hand-made flags of both kinds, so API tests can count exactly.
 */
export function buildSampleAudit(db: Db): SampleAudit {
  return tx(db, () => {
    const tlDoc = segmented('000', 'tl');
    const enDoc = segmented('004', 'en');
    const spinDoc = segmented('003', 'en');
    const tl = storeDocument(db, tlDoc).id;
    const en = storeDocument(db, enDoc).id;
    const spin = storeDocument(db, spinDoc).id;
    const auditId = createAudit(
      db,
      'Putin and Kim (sample)',
      [
        { document_id: tl, role: 'translation' },
        { document_id: en, role: 'source' },
        { document_id: spin, role: 'spin' },
      ],
      en,
    );
    const side = (d: SegmentedDoc) => ({ sentences: d.segments.map((s) => s.text), lang: d.lang });
    storeAlignment(db, auditId, en, tl, alignSentences(side(enDoc), side(tlDoc)));
    storeAlignment(db, auditId, en, spin, alignSentences(side(enDoc), side(spinDoc)));
    const flags: number[] = [];
    const spinFlag = (needle: string, suggestion: string, confidence: number): void => {
      const at = locate(spinDoc, needle);
      flags.push(
        insertFlag(db, {
          auditId,
          documentId: spin,
          otherDocumentId: en,
          detector: 'spin-fingerprint',
          category: 'style/spin',
          severity: 'major',
          confidence,
          segments: [at.segment],
          start: at.start,
          end: at.end,
          message: `"${needle}" looks like article-spinner output for "${suggestion}"`,
          suggestion,
        }),
      );
    };
    spinFlag('native time', 'local time', 0.95);
    spinFlag('go to to the East Asian nation', 'visit to the East Asian nation', 0.9);
    spinFlag('final visited', 'last visited', 0.85);
    const batiin = locate(tlDoc, 'Batiin');
    flags.push(
      insertFlag(db, {
        auditId,
        documentId: tl,
        otherDocumentId: en,
        detector: 'mt-tense',
        category: 'accuracy/mistranslation',
        severity: 'critical',
        confidence: 0.7,
        segments: [batiin.segment],
        start: batiin.start,
        end: batiin.end,
        message: 'imperative "Batiin" (greet!) where the title says "binati" (greeted)',
        suggestion: 'Binati',
      }),
    );
    const vostochni = locate(enDoc, 'Vostochni Spaceport');
    flags.push(
      insertFlag(db, {
        auditId,
        documentId: en,
        detector: 'name-consistency',
        category: 'fluency/inconsistency',
        severity: 'minor',
        confidence: 0.8,
        segments: [vostochni.segment],
        start: vostochni.start,
        end: vostochni.end,
        message: '"Vostochni" here, "Vostochny" elsewhere in the article',
        suggestion: 'Vostochny Spaceport',
      }),
    );
    const junk = locate(enDoc, '| Last update :');
    flags.push(
      insertFlag(db, {
        auditId,
        documentId: en,
        detector: 'boilerplate',
        category: 'source/boilerplate',
        severity: 'minor',
        confidence: 0.6,
        segments: [junk.segment],
        start: junk.start,
        end: junk.end,
        message: 'page furniture scraped with the article',
      }),
    );
    return { auditId, tl, en, spin, flags };
  });
}

export const HOSTILE_TEXT =
  'Ang pamagat <img src=x onerror="window.__pwned=1;alert(1)"> ay dapat makita bilang teksto.\n\n' +
  'Ito ay <script>window.__pwned=2;alert(2)</script> hindi dapat tumakbo.';

/** A document whose text is hostile HTML, with an audit and a flag whose message is hostile too. */
export function buildHostileDocument(db: Db): { documentId: number; auditId: number; flagId: number } {
  return tx(db, () => {
    const doc: SegmentedDoc = {
      path: 'hostile<b>.txt',
      url: null,
      title: '<img src=x onerror="window.__pwned=3">',
      format: 'txt',
      encoding: 'utf-8',
      declaredLang: 'tl',
      text: HOSTILE_TEXT,
      lang: 'tl',
      segments: segmentText(HOSTILE_TEXT, 'tl'),
    };
    const documentId = storeDocument(db, doc).id;
    const auditId = createAudit(
      db,
      'Hostile <script>window.__pwned=4</script>',
      [{ document_id: documentId, role: 'translation' }],
      documentId,
    );
    const flagId = insertFlag(db, {
      auditId,
      documentId,
      detector: 'untranslated',
      category: 'accuracy/untranslated',
      severity: 'critical',
      confidence: 1,
      segments: [0],
      start: 0,
      end: 10,
      message: '<img src=x onerror="window.__pwned=5"> in a message',
      suggestion: '<script>window.__pwned=6</script>',
    });
    return { documentId, auditId, flagId };
  });
}

export function reviewer(
  db: Db,
  name: string,
  role: 'reviewer' | 'admin' = 'reviewer',
): { reviewer: Reviewer; token: string } {
  return addReviewer(db, name, role);
}

/**
 * The whole sample story through the real pipeline: the five seeds ingested and segmented, aligned to the
 * English pivot (004), every detector run by detectStory, flags stored by reconcileFlags.
 */
export function buildDetectedAudit(db: Db): { auditId: number; documents: number[]; flags: number } {
  return tx(db, () => {
    const seeds: [string, Lang, Role][] = [
      ['000', 'tl', 'translation'],
      ['004', 'en', 'source'],
      ['001', 'en', 'source'],
      ['002', 'en', 'source'],
      ['003', 'en', 'spin'],
    ];
    const docs = seeds.map(([prefix, lang]) => segmented(prefix, lang));
    const ids = docs.map((d) => storeDocument(db, d).id);
    const auditId = createAudit(
      db,
      'Putin and Kim (whole sample story)',
      seeds.map(([, , role], i) => ({ document_id: ids[i]!, role })),
      ids[1]!,
    );
    const side = (d: SegmentedDoc) => ({ sentences: d.segments.map((s) => s.text), lang: d.lang });
    const alignments = docs.map((d, i) => {
      if (i === 1) return null;
      const beads = alignSentences(side(docs[1]!), side(d));
      storeAlignment(db, auditId, ids[1]!, ids[i]!, beads);
      return beads;
    });
    const placed = detectStory({
      versions: docs.map((doc, i) => ({ doc, role: seeds[i]![2], documentId: ids[i]! })),
      pivot: 1,
      alignments,
      thresholds: {},
    });
    const r = reconcileFlags(
      db,
      auditId,
      placed.map((p) => ({
        documentId: ids[p.versionIndex]!,
        otherDocumentId: p.otherVersionIndex === null ? null : ids[p.otherVersionIndex]!,
        finding: p.finding,
      })),
    );
    return { auditId, documents: ids, flags: r.inserted };
  });
}
