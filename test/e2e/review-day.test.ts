import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, signedInPage, CHROMIUM } from '../helpers/browser.js';
import { testServer } from '../helpers/server.js';
import { buildDetectedAudit, buildSampleAudit, insertFlag, reviewer } from '../helpers/fixtures.js';
import { REPO } from '../helpers/paths.js';
import type { Db } from '../../server/db/index.js';

// A reviewer's day (issue 19) in real Chromium over a real server and SQLite: undo as a stack from anywhere,
// holding j at the end of a long list, min. confidence typed as shown, counts that follow the filters, plain
// messages and the help overlay, bulk decisions with one undo.

const SHOTS = join(REPO, 'test', 'e2e', 'screenshots');

/**
 * The sample story's audit plus a long tail of flags on its spun copy: every occurrence of "the" flagged by a
 * made-up detector with one suggestion (identical findings), and one flag per other sentence (distinct ones),
 * so the queue runs over several pages.
 */
function longQueue(db: Db): { auditId: number; identical: number[]; distinct: number[] } {
  const s = buildSampleAudit(db);
  const doc = db.prepare('SELECT text FROM documents WHERE id = ?').get(s.spin) as { text: string };
  const segs = db.prepare('SELECT idx, start, end FROM segments WHERE document_id = ? ORDER BY idx').all(s.spin) as {
    idx: number;
    start: number;
    end: number;
  }[];
  const segOf = (at: number): number => segs.find((g) => g.start <= at && at < g.end)?.idx ?? 0;
  const identical: number[] = [];
  for (const m of doc.text.matchAll(/\bthe\b/g)) {
    identical.push(
      insertFlag(db, {
        auditId: s.auditId,
        documentId: s.spin,
        detector: 'spin-article',
        category: 'style/spin',
        severity: 'minor',
        confidence: 0.6,
        segments: [segOf(m.index)],
        start: m.index,
        end: m.index + 3,
        message: 'spun wording "the" (likely "a")',
        suggestion: 'a',
      }),
    );
  }
  const distinct = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((round) =>
    segs.map((g) =>
      insertFlag(db, {
        auditId: s.auditId,
        documentId: s.spin,
        detector: 'spin-sentence',
        category: 'style/spin',
        severity: 'minor',
        confidence: 0.3 + ((g.idx + round) % 7) / 10,
        segments: [g.idx],
        start: g.start,
        end: g.end,
        message: `sentence ${g.idx + 1} reads as spun (reading ${round})`,
      }),
    ),
  );
  return { auditId: s.auditId, identical, distinct };
}

if (!hasChromium()) {
  test(`review day in Chromium — SKIPPED: ${CHROMIUM} is missing (apt-get install chromium)`, { skip: true }, () => {});
} else {
  mkdirSync(SHOTS, { recursive: true });
  const s = await testServer();
  const long = longQueue(s.db);
  const story = buildDetectedAudit(s.db);
  const me = reviewer(s.db, 'day', 'admin');
  const browser = await launchBrowser();
  const errors: string[] = [];

  const signedIn = (hash: string, width = 1280): Promise<Page> =>
    signedInPage(browser, { url: s.url, token: me.token, hash, errors, width });
  // waitForFunction with a function, not a string: a string predicate is eval'd in the page, which the CSP refuses.
  // The function is serialised into the page (no closure), and the test's tsconfig has no DOM types: hence the cast.
  type PageGlobal = { document: { querySelectorAll(sel: string): { length: number } } };
  const api = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${me.token}` } })).json()) as T;
  type F = { id: number; confidence: number; decision: { action: string } | null; message: string; detector: string };
  const flag = async (id: number): Promise<F> => (await api<{ flag: F }>(`/api/flags/${id}`)).flag;
  const selectedId = async (page: Page): Promise<number> =>
    Number(await page.locator('article.flag-detail').getAttribute('data-flag'));
  const listIds = async (page: Page): Promise<number[]> =>
    await page.locator('button.item').evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-flag'))));

  test('u undoes my last verdicts as a stack, wherever the cursor is, with no false conflict', async () => {
    const page = await signedIn(`#/queue?audit=${long.auditId}`);
    await page.waitForSelector('article.flag-detail');
    const decided: number[] = [];
    for (const key of ['a', 'a', 'r']) {
      const id = await selectedId(page);
      decided.push(id);
      await page.keyboard.press(key);
      await page.waitForSelector(`.status:has-text("Flag #${id}")`);
    }
    assert.ok(!decided.includes(await selectedId(page)), 'the cursor moved on to an undecided flag');
    await page.keyboard.press('u');
    await page.waitForSelector(`.status:has-text("Flag #${decided[2]} undone")`);
    assert.equal(await selectedId(page), decided[2], 'undo brings the flag back under the cursor');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('u');
    await page.waitForSelector(`.status:has-text("Flag #${decided[1]} undone")`);
    assert.equal(await page.locator('.alert').textContent(), '', 'no "changed by someone else"');
    assert.equal((await flag(decided[0]!)).decision?.action, 'approve');
    assert.equal((await flag(decided[1]!)).decision, null);
    assert.equal((await flag(decided[2]!)).decision, null);
    await page.keyboard.press('u');
    await page.waitForSelector(`.status:has-text("Flag #${decided[0]} undone")`);
    assert.equal((await flag(decided[0]!)).decision, null);
    // the stack is empty now: a plain message, not a conflict
    await page.keyboard.press('u');
    await page.waitForSelector('.status:has-text("Nothing of yours to undo")');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('holding j at the end of the list loads every flag once', async () => {
    const page = await signedIn(`#/queue?audit=${long.auditId}`);
    await page.waitForSelector('article.flag-detail');
    const total = long.identical.length + long.distinct.length + 6;
    assert.ok(total > 100, `the queue spans pages (${total} flags)`);
    // key repeat: bursts of keydown events with no pause between them, as a held key sends
    for (let round = 0; round < 12; round++) {
      await page.evaluate(
        "for (let i = 0; i < 40; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }))",
      );
      await page.waitForTimeout(60);
    }
    await page.waitForFunction(
      (n) => (globalThis as unknown as PageGlobal).document.querySelectorAll('button.item').length >= n,
      total,
    );
    await page.waitForTimeout(300);
    const ids = await listIds(page);
    assert.equal(new Set(ids).size, ids.length, 'no flag listed twice');
    assert.equal(ids.length, total);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('min. confidence is typed as shown (85 = 85%); a bad value is refused in the page', async () => {
    const page = await signedIn(`#/queue?audit=${long.auditId}&status=all`);
    await page.waitForSelector('article.flag-detail');
    await page.fill('#f-min_confidence', '85');
    await page.press('#f-min_confidence', 'Enter');
    const want = await api<{ flags: F[] }>(`/api/flags?audit=${long.auditId}&status=all&min_confidence=0.85&limit=500`);
    assert.ok(want.flags.length > 0 && want.flags.length < 100);
    await page.waitForFunction(
      (n) => (globalThis as unknown as PageGlobal).document.querySelectorAll('button.item').length === n,
      want.flags.length,
    );
    assert.deepEqual(
      await listIds(page),
      want.flags.map((f) => f.id),
    );
    assert.match(String(await page.evaluate('location.hash')), /min_confidence=0\.85/);
    await page.fill('#f-min_confidence', '150');
    await page.press('#f-min_confidence', 'Enter');
    await page.waitForSelector('.alert:has-text("0 to 100")');
    assert.equal(await page.inputValue('#f-min_confidence'), '85', 'the box shows the filter the list follows');
    assert.deepEqual(
      await listIds(page),
      want.flags.map((f) => f.id),
    );
    await page.fill('#f-min_confidence', 'abc');
    await page.press('#f-min_confidence', 'Enter');
    assert.deepEqual(
      await listIds(page),
      want.flags.map((f) => f.id),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('counts follow every filter; "n of N" in the queue; no stale "flags loaded"', async () => {
    const page = await signedIn(`#/queue?audit=${long.auditId}&detector=spin-article`);
    await page.waitForSelector('article.flag-detail');
    const st = await api<{ pending: number; decided: number; flags: number }>(
      `/api/stats?audit=${long.auditId}&detector=spin-article`,
    );
    assert.equal(st.flags, long.identical.length);
    await page.waitForSelector(`.counts:has-text("${st.pending} pending · ${st.decided} decided")`);
    await page.waitForSelector(`.position:has-text("1 of ${st.pending}")`);
    await page.keyboard.press('j');
    await page.waitForSelector(`.position:has-text("2 of ${st.pending}")`);
    await page.selectOption('#f-detector', 'spin-sentence');
    const st2 = await api<{ pending: number }>(`/api/stats?audit=${long.auditId}&detector=spin-sentence`);
    await page.waitForSelector(`.counts:has-text("${st2.pending} pending")`);
    await page.waitForSelector(`.position:has-text("1 of ${st2.pending}")`);
    assert.equal(await page.locator('text=flags loaded').count(), 0);
    await page.keyboard.press('a');
    await page.waitForSelector(`.counts:has-text("${st2.pending - 1} pending · 1 decided")`);
    await page.keyboard.press('u');
    await page.waitForSelector(`.counts:has-text("${st2.pending} pending · 0 decided")`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('plain messages, what Approve means, no empty Correct on whole-article findings, ? help, favicon', async () => {
    // a length finding and a whole-article finding as the detectors word them
    const docs = s.db
      .prepare('SELECT document_id FROM audit_versions WHERE audit_id = ? ORDER BY document_id')
      .all(story.auditId) as { document_id: number }[];
    const jargon = insertFlag(s.db, {
      auditId: story.auditId,
      documentId: docs[0]!.document_id,
      otherDocumentId: docs[1]!.document_id,
      detector: 'length-ratio',
      category: 'accuracy/omission',
      severity: 'critical',
      confidence: 0.99,
      segments: [1],
      otherSegments: [1],
      message:
        'The translation is much shorter than expected for en→tl (length ratio 0.46, z = -3.2): part of it may be missing',
      evidence: { z: -3.2, ratio: 0.46 },
    });
    const whole = insertFlag(s.db, {
      auditId: story.auditId,
      documentId: docs[1]!.document_id,
      otherDocumentId: docs[2]!.document_id,
      detector: 'null-link',
      category: 'source/misalignment',
      severity: 'critical',
      confidence: 0.98,
      segments: [],
      message:
        'These articles are comparable, not translations of each other: 3 of 20 source sentences and 4 of 22 sentences of the other article correspond; sentences without a counterpart are expected and not flagged one by one',
    });
    const page = await signedIn(`#/queue?audit=${story.auditId}&focus=${jargon}`);
    await page.waitForSelector(`article.flag-detail[data-flag="${jargon}"]`);
    const shown = await page.locator('article.flag-detail .message').textContent();
    assert.doesNotMatch(shown!, /ratio|z =|→/, 'no statistics jargon in what the reviewer reads');
    assert.match(shown!, /much shorter than expected/);
    assert.ok(
      await page.locator('article.flag-detail details.figures:has-text("z = -3.2")').count(),
      'the raw figures stay in the evidence',
    );
    for (const text of await page.locator('.item-msg').allTextContents())
      assert.doesNotMatch(text, /z = -?\d|similarity \d|ratio \d/);
    assert.match(
      (await page.locator('.act-approve').getAttribute('title'))!,
      /the flag is right; apply its suggestion/i,
    );
    assert.ok(await page.locator('text=the flag is right').first().isVisible(), 'what Approve means is on the page');
    await page.locator(`button.item[data-flag="${whole}"]`).click();
    await page.waitForSelector(`article.flag-detail[data-flag="${whole}"]`);
    assert.equal(
      await page.locator('article.flag-detail .act-correct').count(),
      0,
      'no "Correct…" on a whole-article finding',
    );
    await page.keyboard.press('e');
    assert.equal(await page.locator('#correction:visible').count(), 0);
    // ? opens the key help over the page, Escape closes it
    await page.keyboard.press('?');
    const help = page.locator('dialog.help[open]');
    await help.waitFor();
    for (const k of ['j', 'k', 'a', 'r', 'e', 'u', 'A', 'R', '/', '?'])
      assert.ok(await help.locator(`kbd:text-is("${k}")`).count(), `help names ${k}`);
    await page.screenshot({ path: join(SHOTS, 'help-1280.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.help[open]', { state: 'detached' }).catch(() => undefined);
    assert.equal(await page.locator('dialog.help[open]').count(), 0);
    // a spun phrase's suggestion is in the list line itself, not cut off after the message
    await page.goto(`${s.url}/#/queue?audit=${long.auditId}&detector=spin-article`);
    await page.waitForSelector('button.item');
    assert.match((await page.locator('button.item .item-sugg').first().textContent())!, /the\s*→\s*a/);
    const fav = await fetch(`${s.url}/favicon.ico`);
    assert.equal(fav.status, 200);
    // two English sources are told apart in the audit view, also at 420 px
    await page.setViewportSize({ width: 420, height: 800 });
    await page.goto(`${s.url}/#/audits/${story.auditId}`);
    await page.waitForSelector('table.threeway tbody tr');
    const labels = await page
      .locator('table.threeway tbody tr')
      .first()
      .locator('td[data-label]')
      .evaluateAll((tds) => tds.map((t) => t.getAttribute('data-label')));
    assert.ok(labels.length >= 3);
    assert.equal(new Set(labels).size, labels.length, `distinct labels: ${labels.join(' | ')}`);
    await page.screenshot({ path: join(SHOTS, 'audit-labels-420.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('bulk: apply to all identical findings in one key, one undo takes it back; dismiss a detector in this audit', async () => {
    const target = long.identical[0]!;
    const before = await api<{ identical: { audit: number } }>(`/api/verdicts/bulk?flag=${target}`);
    const pendingIdentical = (await Promise.all(long.identical.map(flag))).filter((f) => f.decision === null).length;
    assert.equal(before.identical.audit, pendingIdentical);
    assert.ok(pendingIdentical >= 5, `identical findings to decide (${pendingIdentical})`);
    const page = await signedIn(`#/queue?audit=${long.auditId}&status=all&focus=${target}`);
    await page.waitForSelector(`article.flag-detail[data-flag="${target}"]`);
    await page.waitForSelector(`button.bulk-identical:has-text("all ${pendingIdentical} identical")`);
    await page.screenshot({ path: join(SHOTS, 'bulk-1280.png') });
    await page.keyboard.press('Shift+A');
    await page.waitForSelector(`.status:has-text("${pendingIdentical} identical findings approved")`);
    const after = await Promise.all(long.identical.map(flag));
    assert.equal(after.filter((f) => f.decision?.action === 'approve').length, long.identical.length);
    await page.keyboard.press('u');
    await page.waitForSelector(`.status:has-text("${pendingIdentical} flags undone")`);
    const undone = await Promise.all(long.identical.map(flag));
    assert.equal(undone.filter((f) => f.decision === null).length, pendingIdentical);
    // Weblate-style "ignore this check here": every pending spin-sentence finding of the audit, in one decision
    const one = long.distinct[0]!;
    await page.goto(`${s.url}/#/queue?audit=${long.auditId}&status=all&focus=${one}`);
    await page.waitForSelector(`article.flag-detail[data-flag="${one}"]`);
    await page.locator('button.bulk-dismiss').click();
    await page.waitForSelector('.status:has-text("dismissed in this audit")');
    const dismissed = await Promise.all(long.distinct.map(flag));
    assert.ok(
      dismissed.every((f) => f.decision !== null),
      'every finding of the detector is decided',
    );
    assert.ok(dismissed.filter((f) => f.decision?.action === 'reject').length >= long.distinct.length - 3);
    await page.keyboard.press('u');
    await page.waitForSelector('.status:has-text("undone")');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
