import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, signedInPage, CHROMIUM } from '../helpers/browser.js';
import { testServer } from '../helpers/server.js';
import { buildSampleAudit, insertFlag, reviewer } from '../helpers/fixtures.js';

// The queue's sort control (issue 19) in real Chromium over a real server and SQLite: choosing an order reorders
// the list, the order is kept in the address (a reload shows the same list), and walking the sorted list with
// held-down j loads every flag once, across pages, in the server's order.

if (!hasChromium()) {
  test(`queue sort in Chromium — SKIPPED: ${CHROMIUM} is missing (apt-get install chromium)`, { skip: true }, () => {});
} else {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  // 70 more flags, so the list runs over two pages of 50; confidences and spans vary so every order differs
  for (let i = 0; i < 70; i++) {
    const start = (i * 37) % 400;
    insertFlag(s.db, {
      auditId: sample.auditId,
      documentId: [sample.tl, sample.en, sample.spin][i % 3]!,
      detector: 'sort-probe',
      category: 'style/spin',
      severity: (['minor', 'major', 'critical'] as const)[i % 3]!,
      confidence: 0.3 + ((i * 7) % 13) / 20,
      segments: [0],
      start,
      end: start + 3,
      message: `probe ${i}`,
    });
  }
  const me = reviewer(s.db, 'sorter');
  const browser = await launchBrowser();
  const errors: string[] = [];

  const signedIn = (hash: string): Promise<Page> =>
    signedInPage(browser, { url: s.url, token: me.token, hash, errors });
  // waitForFunction with a function, not a string: a string predicate is eval'd in the page, which the CSP refuses.
  // The function is serialised into the page (no closure), and the test's tsconfig has no DOM types: hence the cast.
  type PageGlobal = {
    document: { querySelectorAll(sel: string): ArrayLike<{ getAttribute(a: string): string | null }> };
  };
  const api = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${me.token}` } })).json()) as T;
  const listIds = async (page: Page): Promise<number[]> =>
    page.locator('button.item').evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-flag'))));
  /** Waits until the list's first `n` rows are `ids`. */
  const listStartsWith = (page: Page, ids: number[]): Promise<unknown> =>
    page.waitForFunction((want) => {
      const rows = (globalThis as unknown as PageGlobal).document.querySelectorAll('button.item');
      return rows.length >= want.length && want.every((id, i) => rows[i]!.getAttribute('data-flag') === String(id));
    }, ids);
  const serverOrder = async (sort: string | null): Promise<number[]> =>
    (
      await api<{ flags: { id: number }[] }>(
        `/api/flags?audit=${sample.auditId}&status=all&limit=500${sort ? `&sort=${sort}` : ''}`,
      )
    ).flags.map((f) => f.id);

  test('choosing a sort reorders the queue, and a reload keeps it through the address', async () => {
    const page = await signedIn(`#/queue?audit=${sample.auditId}&status=all`);
    const severe = await serverOrder(null);
    const newest = await serverOrder('newest');
    assert.equal(severe.length, 76);
    assert.notDeepEqual(newest.slice(0, 50), severe.slice(0, 50));
    await listStartsWith(page, severe.slice(0, 50));
    assert.equal(await page.inputValue('#f-sort'), '');
    await page.selectOption('#f-sort', 'newest');
    await listStartsWith(page, newest.slice(0, 50));
    assert.match(page.url(), /[?&]sort=newest(&|$)/);
    // "n of N" counts the whole sorted list
    await page.waitForSelector('.position:has-text("1 of 76")');
    await page.reload();
    await listStartsWith(page, newest.slice(0, 50));
    assert.equal(await page.inputValue('#f-sort'), 'newest');
    assert.match((await page.textContent('.position')) ?? '', /^1 of 76$/);
    // another order from the same control, and back to the default, which leaves the address without a sort
    const byDoc = await serverOrder('document');
    await page.selectOption('#f-sort', 'document');
    await listStartsWith(page, byDoc.slice(0, 50));
    await page.selectOption('#f-sort', '');
    await listStartsWith(page, severe.slice(0, 50));
    assert.doesNotMatch(page.url(), /sort=/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('holding j down a sorted list loads every flag once, in the sorted order', async () => {
    const want = await serverOrder('least-confident');
    const page = await signedIn(`#/queue?audit=${sample.auditId}&status=all&sort=least-confident`);
    await listStartsWith(page, want.slice(0, 50));
    // key repeat: bursts of keydown events with no pause between them, as a held key sends
    for (let round = 0; round < 6; round++) {
      await page.evaluate(() => {
        const d = globalThis as unknown as {
          document: { body: { dispatchEvent(e: unknown): void } };
          KeyboardEvent: new (t: string, o: object) => unknown;
        };
        for (let i = 0; i < 20; i++)
          d.document.body.dispatchEvent(new d.KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      });
      await page.waitForTimeout(60);
    }
    await listStartsWith(page, want);
    await page.waitForTimeout(300);
    assert.deepEqual(await listIds(page), want, 'every flag once, in the server order');
    assert.match((await page.textContent('.position')) ?? '', /^76 of 76$/);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
