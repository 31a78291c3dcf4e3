import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadConfig } from '../../../server/config.js';
import { auditPaths } from '../../../server/pipeline/run.js';
import { getAudit } from '../../../server/db/audits.js';
import { getDocument, getSegments } from '../../../server/db/documents.js';
import { exportAudit, type ExportFormat } from '../../../server/pipeline/export/index.js';
import { auditPairs } from '../../../server/pipeline/export/model.js';
import { applyEdits } from '../../../server/pipeline/export/corrected.js';
import { neutralise } from '../../../server/pipeline/export/csv.js';
import { SEEDS } from '../../helpers/paths.js';
import { tmpDb, tmpDir } from '../../helpers/tmp.js';
import { Review, auditOf } from './fixture.js';

const cfg = loadConfig({}, '/nonexistent');

function setup() {
  const { db, file } = tmpDb();
  auditPaths(db, cfg, [SEEDS]);
  const { auditId } = auditOf(db, '001_13bda4f2a4d9edd0.txt');
  const audit = getAudit(db, auditId)!;
  const pivot = getDocument(db, audit.pivot_document_id!)!;
  return { db, file, auditId, pivot, review: new Review(db) };
}

const ex = (
  db: ReturnType<typeof setup>['db'],
  auditId: number,
  format: ExportFormat,
  documentId: number | null = null,
  dropBoilerplate = false,
) => exportAudit(db, auditId, { format, documentId, dropBoilerplate }).body;

test('corrected copy: approved corrections at their offsets, everything else byte for byte', () => {
  const { db, auditId, pivot, review } = setup();
  const T = pivot.text;
  const words = [...T.matchAll(/\b[A-Za-z]{6,}\b/g)].slice(0, 40);
  const w = (i: number): [number, number] => [words[i]!.index!, words[i]!.index! + words[i]![0].length];
  const a = w(3);
  const b = w(10);
  const c = w(15);
  const d = w(20);
  const e = w(25);
  const f = w(30);
  // corrected text wins
  review.verdict(review.flag(auditId, pivot.id, ...a), 'correct', 'CORRECTED-A');
  // approving a suggestion applies it (a spin restoration)
  review.verdict(review.flag(auditId, pivot.id, ...b, { suggestion: 'RESTORED-B' }), 'approve');
  // rejected: nothing changes
  review.verdict(review.flag(auditId, pivot.id, ...c, { suggestion: 'NO' }), 'reject');
  // approved, then undone: nothing changes
  const fd = review.flag(auditId, pivot.id, ...d, { suggestion: 'UNDONE' });
  review.undo(fd, review.verdict(fd, 'approve'));
  // corrected twice: the latest verdict counts
  const fe = review.flag(auditId, pivot.id, ...e);
  review.verdict(fe, 'correct', 'FIRST');
  review.verdict(fe, 'correct', 'LATEST-E');
  // two overlapping corrections: the one starting first is applied, the other skipped
  review.verdict(review.flag(auditId, pivot.id, f[0], f[1]), 'correct', 'KEPT-F');
  review.verdict(review.flag(auditId, pivot.id, f[0] + 2, f[1] + 5), 'correct', 'SKIPPED');
  const expected =
    T.slice(0, a[0]) +
    'CORRECTED-A' +
    T.slice(a[1], b[0]) +
    'RESTORED-B' +
    T.slice(b[1], e[0]) +
    'LATEST-E' +
    T.slice(e[1], f[0]) +
    'KEPT-F' +
    T.slice(f[1]);
  assert.equal(ex(db, auditId, 'txt'), expected);
  assert.equal(ex(db, auditId, 'md'), expected);
  const html = ex(db, auditId, 'html');
  assert.ok(
    XMLValidator.validate(
      html
        .replace(/^<!doctype html>\n/, '')
        .replace(/<br>/g, '<br/>')
        .replace(/<meta charset="utf-8">/, '<meta charset="utf-8"/>'),
    ) === true,
  );
  assert.ok(html.includes('CORRECTED-A') && html.includes('KEPT-F') && !html.includes('SKIPPED'));
  // the other documents of the audit are untouched
  for (const v of getAudit(db, auditId)!.versions.filter((v) => v.document_id !== pivot.id))
    assert.equal(ex(db, auditId, 'txt', v.document_id), getDocument(db, v.document_id)!.text);
});

test('--drop-boilerplate removes boilerplate lines and keeps the rest byte for byte', () => {
  const { db, auditId, pivot } = setup();
  db.prepare("UPDATE segments SET boilerplate = 'scripted junk' WHERE document_id = ? AND idx = 0").run(pivot.id);
  const segs = getSegments(db, pivot.id);
  const junk = segs.filter((s) => s.boilerplate);
  assert.ok(junk.length >= 1);
  const out = ex(db, auditId, 'txt', null, true);
  // expected: the text with every boilerplate line and the line breaks after it cut out
  let expected = '';
  let pos = 0;
  for (const s of junk) {
    if (s.start < pos) continue;
    expected += pivot.text.slice(pos, s.start);
    pos = s.end;
    while (pivot.text[pos] === '\n' || pivot.text[pos] === '\r') pos++;
  }
  expected += pivot.text.slice(pos);
  assert.equal(out, expected);
  for (const s of junk)
    assert.ok(!out.includes(s.text) || segs.some((o) => !o.boilerplate && o.text.includes(s.text)), s.text);
  let at = 0;
  for (const s of segs.filter((x) => !x.boilerplate)) {
    at = out.indexOf(s.text, at);
    assert.ok(at >= 0, `content sentence kept in order: ${s.text.slice(0, 40)}`);
  }
  assert.equal(ex(db, auditId, 'txt'), pivot.text, 'without the option, the copy is the text as ingested');
});

test('overlap rule: ordered by start, longer first, then flag id; insertions at one point conflict', () => {
  const r = applyEdits('abcdefghij', [
    { start: 2, end: 4, text: 'X', flagId: 5 },
    { start: 2, end: 6, text: 'LONG', flagId: 9 },
    { start: 6, end: 6, text: '+', flagId: 1 },
    { start: 6, end: 6, text: '#', flagId: 2 },
    { start: 8, end: 12, text: 'bad', flagId: 3 },
  ]);
  assert.equal(r.text, 'abLONG+ghij');
  assert.deepEqual(r.skipped.map((e) => e.flagId).sort(), [2, 3, 5]);
});

/**
 * Scripted review of the pairs of the pivot and its best-aligned other version: pair 0 gets a verdict on
 * every flag (final), pair 1 on one of two new flags (reviewed), pair 2 none (translated).
 */
function pairsSetup() {
  const s = setup();
  const audit = getAudit(s.db, s.auditId)!;
  const fullPairs = (id: number) => auditPairs(s.db, s.auditId, id).pairs.filter((p) => p.src.length && p.tgt.length);
  const target = audit.versions
    .map((v) => v.document_id)
    .filter((id) => id !== audit.pivot_document_id)
    .sort((a, b) => fullPairs(b).length - fullPairs(a).length)[0]!;
  const full = fullPairs(target);
  assert.ok(full.length >= 3, 'the audit has a version with aligned pairs');
  const tgt = getSegments(s.db, target);
  const seg = (p: number) => tgt[full[p]!.tgt[0]!]!;
  for (const f of full[0]!.flags) s.review.verdict(f.id, 'reject');
  const s0 = seg(0);
  s.review.verdict(
    s.review.flag(s.auditId, target, s0.start, s0.start + 3, { message: '=1+1 "quoted", <b>&amp;</b>' }),
    'correct',
    '=HYPERLINK("x")',
  );
  const s1 = seg(1);
  s.review.verdict(s.review.flag(s.auditId, target, s1.start, s1.start + 2), 'reject');
  s.review.flag(s.auditId, target, s1.end - 2, s1.end);
  const s2 = seg(2);
  s.review.flag(s.auditId, target, s2.start, s2.start + 1);
  return { ...s, full, target };
}

test('TMX 1.4b and XLIFF 2.0 are well-formed and round-trip: the same pairs and states', () => {
  const { db, auditId, full, target } = pairsSetup();
  const data = auditPairs(db, auditId, target);
  const states = data.pairs.map((p) => p.state);
  assert.equal(states[data.pairs.indexOf(data.pairs.find((p) => p.id === full[0]!.id)!)], 'final');
  assert.equal(data.pairs.find((p) => p.id === full[1]!.id)!.state, 'reviewed');
  assert.equal(data.pairs.find((p) => p.id === full[2]!.id)!.state, 'translated');
  assert.ok(data.pairs.find((p) => p.id === full[0]!.id)!.target.startsWith('=HYPERLINK("x")'));

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (n) => ['tu', 'tuv', 'note', 'unit', 'prop'].includes(n),
    parseTagValue: false,
    trimValues: false,
  });
  const tmx = ex(db, auditId, 'tmx', target);
  assert.equal(XMLValidator.validate(tmx), true);
  const t = parser.parse(tmx);
  assert.equal(t.tmx['@version'], '1.4');
  const tus = t.tmx.body.tu as {
    prop: { '#text': string }[];
    tuv: { seg: string | { '#text': string } }[];
    note?: unknown[];
  }[];
  const text = (x: unknown): string => (typeof x === 'string' ? x : ((x as { '#text'?: string })['#text'] ?? ''));
  assert.deepEqual(
    tus.map((tu) => [text(tu.tuv[0]!.seg), text(tu.tuv[1]!.seg), tu.prop[0]!['#text']]),
    data.pairs.map((p) => [p.source, p.target, p.state]),
  );
  const flagsOnPairs = data.pairs.reduce((n, p) => n + p.flags.length, 0);
  assert.ok(flagsOnPairs >= 4);
  assert.equal(
    tus.reduce((n, tu) => n + (tu.note?.length ?? 0), 0),
    flagsOnPairs,
  );

  const xlf = ex(db, auditId, 'xliff', target);
  assert.equal(XMLValidator.validate(xlf), true);
  const x = parser.parse(xlf);
  assert.equal(x.xliff['@version'], '2.0');
  const units = x.xliff.file.unit as {
    segment: { '@state': string; source: unknown; target?: unknown };
    notes?: { note: unknown[] };
  }[];
  assert.deepEqual(
    units.map((u) => [
      text(u.segment.source),
      u.segment.target === undefined ? '' : text(u.segment.target),
      u.segment['@state'],
    ]),
    data.pairs.map((p) => [p.source, p.target, p.state]),
  );
  const xmllint = ['/usr/bin/xmllint', '/usr/local/bin/xmllint'].find(existsSync);
  if (xmllint) {
    const dir = tmpDir();
    for (const [name, body] of [
      ['a.tmx', tmx],
      ['a.xlf', xlf],
    ] as const) {
      writeFileSync(join(dir, name), body);
      execFileSync(xmllint, ['--noout', join(dir, name)]); // throws when not well-formed
    }
  }
});

/** RFC 4180 parser for the test: records of fields. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < s.length) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (s[i] === '"' && s[i + 1] === '"') ((field += '"'), (i += 2));
        else if (s[i] === '"') {
          i++;
          break;
        } else field += s[i++];
      }
    } else while (i < s.length && s[i] !== ',' && s[i] !== '\r') field += s[i++];
    row.push(field);
    if (s[i] === ',') i++;
    else if (s[i] === '\r' && s[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

test('CSV is RFC 4180 and neutralises formula cells; JSONL carries the same pairs', () => {
  const { db, auditId, full, target } = pairsSetup();
  const data = auditPairs(db, auditId, target);
  const csv = ex(db, auditId, 'csv', target);
  assert.ok(csv.endsWith('\r\n'));
  const rows = parseCsv(csv);
  assert.equal(rows.length, data.pairs.length + 1);
  assert.ok(rows.every((r) => r.length === 7));
  const row0 = rows.find((r) => r[0] === full[0]!.id)!;
  assert.ok(row0[4]!.startsWith(`'=HYPERLINK("x")`), 'formula neutralised');
  assert.match(row0[6]!, /=1\+1 "quoted"/);
  for (const r of rows) for (const cell of r) assert.ok(!/^[=+\-@\t\r]/.test(cell), `cell ${cell.slice(0, 20)}`);
  for (const c of ['=SUM(A1)', '+1', '-1', '@x', '\tx', '\rx']) assert.equal(neutralise(c), `'${c}`);
  assert.equal(neutralise('plain'), 'plain');

  const lines = ex(db, auditId, 'jsonl', target)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { source: string; target: string; state: string });
  assert.deepEqual(
    lines.map((l) => [l.source, l.target, l.state]),
    data.pairs.map((p) => [p.source, p.target, p.state]),
  );
});
