import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDb, tx, type Db } from '../../server/db/index.js';
import { storeDocument } from '../../server/db/documents.js';
import { catchUpSearch, deferSearch } from '../../server/db/search-index.js';
import { insertFlag } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import type { SegmentedDoc } from '../../server/pipeline/types.js';

// A batch's rows are indexed for search in bulk when it ends (migrations/0079_search_backlog.sql): the index
// must then answer exactly as with row-by-row indexing, whatever was inserted, changed or deleted meanwhile,
// and a batch killed before its catch-up must leave an index that is behind, never wrong.

function doc(name: string, sentences: string[]): SegmentedDoc {
  let at = 0;
  const text = sentences.join(' ');
  return {
    path: name,
    url: null,
    title: null,
    format: 'txt',
    encoding: 'utf-8',
    declaredLang: null,
    lang: 'en',
    text,
    segments: sentences.map((s, i) => {
      const start = at;
      at += s.length + 1;
      return { index: i, paragraph: 0, start, end: start + s.length, text: s, lang: 'en', boilerplate: false };
    }),
  };
}

/** What the same history of writes gives, deferred or not. */
function history(db: Db, deferred: boolean): void {
  const a = storeDocument(db, doc('a', ['The mayor opened the bridge.', 'Rain closed the port.'])).id;
  const flagA = insertFlag(db, {
    auditId: null,
    documentId: a,
    detector: 'numbers',
    category: 'accuracy/mistranslation',
    severity: 'major',
    confidence: 0.9,
    segments: [0],
    message: 'bridge count differs',
  });
  if (deferred) deferSearch(db);
  const b = storeDocument(db, doc('b', ['Farmers sold rice at the market.', 'The typhoon spared the harbour.'])).id;
  const flagB = insertFlag(db, {
    auditId: null,
    documentId: b,
    detector: 'negation',
    category: 'accuracy/mistranslation',
    severity: 'minor',
    confidence: 0.5,
    segments: [1],
    message: 'typhoon negated',
    suggestion: 'spared',
  });
  const c = storeDocument(db, doc('c', ['Volcano ash fell on the town.'])).id;
  if (deferred) deferSearch(db); // a second batch starting meanwhile keeps the open backlog
  tx(db, () => {
    // changes to rows indexed before the backlog and to rows waiting in it
    db.prepare('UPDATE segments SET text = ? WHERE document_id = ? AND idx = 1').run('Snow closed the port.', a);
    db.prepare('UPDATE segments SET text = ? WHERE document_id = ? AND idx = 0').run('Farmers sold corn.', b);
    db.prepare('UPDATE flags SET message = ? WHERE id = ?').run('bridge total differs', flagA);
    db.prepare('UPDATE flags SET suggestion = ? WHERE id = ?').run('untouched', flagB);
    db.prepare("UPDATE flags SET status = 'stale' WHERE id = ?").run(flagB);
    db.prepare('DELETE FROM documents WHERE id = ?').run(c); // its sentence goes with it
  });
  // the highest row deleted, then its id given again: below the mark, so indexed at once
  const top = db.prepare('SELECT MAX(id) FROM segments').pluck().get() as number;
  db.prepare('DELETE FROM segments WHERE id = ?').run(top);
  db.prepare(
    "INSERT INTO segments (id, document_id, idx, paragraph, start, end, text, lang) VALUES (?, ?, 9, 0, 0, 5, 'Lahar reached the river.', 'en')",
  ).run(top, b);
}

const WORDS = [
  'bridge',
  'port',
  'rain',
  'snow',
  'rice',
  'corn',
  'typhoon',
  'volcano',
  'lahar',
  'total',
  'spared',
  'untouched',
];

function answers(db: Db): Record<string, number[][]> {
  const out: Record<string, number[][]> = {};
  for (const w of WORDS) {
    const segs = db.prepare('SELECT rowid FROM segments_fts WHERE segments_fts MATCH ? ORDER BY rowid').pluck().all(w);
    const flags = db.prepare('SELECT rowid FROM flags_fts WHERE flags_fts MATCH ? ORDER BY rowid').pluck().all(w);
    out[w] = [segs as number[], flags as number[]];
  }
  return out;
}

/** FTS5's own check of the index against the table it indexes (throws when they differ). */
function intact(db: Db): void {
  db.exec("INSERT INTO segments_fts (segments_fts, rank) VALUES ('integrity-check', 1)");
  db.exec("INSERT INTO flags_fts (flags_fts, rank) VALUES ('integrity-check', 1)");
}

test('rows indexed in bulk after the backlog answer every search as rows indexed one by one', () => {
  const dir = tmpDir();
  const live = openDb(join(dir, 'live.db'));
  history(live, false);
  intact(live);
  const expected = answers(live);
  assert.ok(expected.snow![0]!.length === 1 && expected.lahar![0]!.length === 1 && expected.total![1]!.length === 1);
  assert.equal(expected.rain![0]!.length, 0, 'an old text is gone from the index');

  const bulk = openDb(join(dir, 'bulk.db'));
  history(bulk, true);
  assert.equal(answers(bulk).corn![0]!.length, 0, 'rows of the open backlog wait');
  assert.equal(answers(bulk).snow![0]!.length, 1, 'a row indexed before the backlog follows its change at once');
  assert.equal(catchUpSearch(bulk), true);
  intact(bulk);
  assert.deepEqual(answers(bulk), expected);
  assert.equal(catchUpSearch(bulk), false, 'nothing left waiting');
  live.close();
  bulk.close();
});

test('a backlog left open by a killed batch is indexed when the database is next opened', () => {
  const file = join(tmpDir(), 'killed.db');
  const db = openDb(file);
  deferSearch(db);
  storeDocument(db, doc('k', ['Floodwater reached the plaza.']));
  db.close(); // what kill -9 leaves: no catch-up ran
  const again = openDb(file);
  intact(again);
  assert.equal(
    again.prepare("SELECT COUNT(*) FROM segments_fts WHERE segments_fts MATCH 'floodwater'").pluck().get(),
    1,
  );
  assert.deepEqual(again.prepare('SELECT segments_from, flags_from FROM search_backlog').get(), {
    segments_from: null,
    flags_from: null,
  });
  again.close();
});

test('a catch-up that reopens the backlog indexes what waited and defers what comes next', () => {
  const db = openDb(join(tmpDir(), 'reopen.db'));
  deferSearch(db);
  storeDocument(db, doc('r', ['Geese crossed the road.']));
  catchUpSearch(db, true);
  storeDocument(db, doc('s', ['Herons crossed the lake.']));
  const hits = (w: string): unknown =>
    db.prepare('SELECT COUNT(*) FROM segments_fts WHERE segments_fts MATCH ?').pluck().get(w);
  assert.equal(hits('geese'), 1);
  assert.equal(hits('herons'), 0);
  catchUpSearch(db);
  assert.equal(hits('herons'), 1);
  intact(db);
  db.close();
});
