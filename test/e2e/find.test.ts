import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, CHROMIUM } from '../helpers/browser.js';
import { testServer } from '../helpers/server.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';
import { REPO } from '../helpers/paths.js';
import { createAudit } from '../../server/db/audits.js';

// Finding things (issue 19): search, sort and paging on the audit and document lists and search in the queue,
// every view kept in the address. Full-text search (FTS5) over sentences and flag messages.

const SHOTS = join(REPO, 'test', 'e2e', 'screenshots');

if (!hasChromium()) {
  test(`finding things in Chromium — SKIPPED: ${CHROMIUM} is missing`, { skip: true }, () => {});
} else {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  // 64 more stories over one Tagalog document, so the audit list runs over two pages
  const extra = Array.from({ length: 64 }, (_, i) =>
    createAudit(
      s.db,
      `Story ${String(i + 1).padStart(3, '0')}`,
      [{ document_id: sample.tl, role: 'translation' }],
      sample.tl,
    ),
  );
  const me = reviewer(s.db, 'finder');
  const browser = await launchBrowser();
  const errors: string[] = [];
  async function open(hash: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(`${s.url}/#token=${me.token}`);
    await page.waitForSelector('text=Signed in as');
    await page.goto(`${s.url}/${hash}`);
    return page;
  }
  const firstCells = (page: Page): Promise<string[]> =>
    page.locator('table.list tbody tr td:first-child').allTextContents();

  test('audits: pages of 50, sort by a column, search names and sentences; the view is in the address', async () => {
    const total = extra.length + 1;
    const page = await open('#/');
    await page.waitForSelector(`.pager:has-text("1–50 of ${total} audits")`);
    assert.equal((await firstCells(page)).length, 50);
    await page.click('.pager .next');
    await page.waitForSelector(`.pager:has-text("51–${total} of ${total} audits")`);
    assert.equal((await firstCells(page)).length, total - 50);
    await page.click('th button[data-sort="name"]');
    await page.waitForSelector('th[aria-sort="ascending"] button[data-sort="name"]');
    await page.click('th button[data-sort="name"]');
    await page.waitForSelector('th[aria-sort="descending"] button[data-sort="name"]');
    assert.equal((await firstCells(page))[0], 'Story 064');
    await page.click('th button[data-sort="pending"]');
    await page.waitForSelector('th[aria-sort="descending"] button[data-sort="pending"]');
    assert.match((await firstCells(page))[0]!, /Putin and Kim/, 'the audit with flags pending first');
    // full-text: a word only the English and spun sentences of the sample story contain
    await page.fill('#list-q', 'Vostochni');
    await page.press('#list-q', 'Enter');
    await page.waitForSelector('.pager:has-text("1–1 of 1 audits matching")');
    assert.match((await firstCells(page))[0]!, /Putin and Kim/);
    await page.fill('#list-q', 'story 007');
    await page.press('#list-q', 'Enter');
    await page.waitForSelector('.pager:has-text("of 1 audits")');
    assert.equal((await firstCells(page))[0], 'Story 007');
    const saved = await page.evaluate('location.hash');
    await page.reload();
    await page.waitForSelector('.pager:has-text("of 1 audits")');
    assert.equal(await page.evaluate('location.hash'), saved, 'a saved view is a link');
    await page.close();
  });

  test('documents: role and flag count shown, sort by flags, search', async () => {
    const page = await open('#/documents?sort=flags&order=desc');
    await page.waitForSelector('table.list tbody tr');
    const row = page.locator('table.list tbody tr').first();
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[2], 'spin', 'the spun copy has the most flags');
    assert.equal(cells[4], '3');
    await page.fill('#list-q', 'Batiin');
    await page.press('#list-q', 'Enter');
    await page.waitForSelector('.pager:has-text("1–1 of 1 documents")');
    assert.equal(await page.locator('table.list tbody tr td').nth(1).textContent(), 'tl');
    await page.screenshot({ path: join(SHOTS, 'documents-1280.png') });
    await page.setViewportSize({ width: 420, height: 800 });
    assert.equal(
      await page.evaluate('document.documentElement.scrollWidth <= 420'),
      true,
      'no sideways scrolling at 420 px',
    );
    await page.screenshot({ path: join(SHOTS, 'documents-420.png') });
    await page.close();
  });

  test('queue: search over messages and sentences; counts follow it', async () => {
    const page = await open(`#/queue?audit=${sample.auditId}`);
    await page.waitForSelector('article.flag-detail');
    await page.waitForSelector('.counts:has-text("6 pending")');
    await page.fill('#f-q', 'spinner');
    await page.press('#f-q', 'Enter');
    await page.waitForSelector('.counts:has-text("3 pending · 0 decided · 3 flags")');
    assert.equal(await page.locator('button.item').count(), 3);
    assert.match((await page.evaluate('location.hash')) as string, /q=spinner/);
    // a word of a flagged sentence, not of any message
    await page.fill('#f-q', 'Spaceport');
    await page.press('#f-q', 'Enter');
    await page.waitForSelector('.counts:has-text("1 flags")');
    assert.equal(await page.locator('button.item .det').first().textContent(), 'name-consistency');
    await page.fill('#f-q', 'zzzznothing');
    await page.press('#f-q', 'Enter');
    await page.waitForSelector('text=Nothing to review with these filters.');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
