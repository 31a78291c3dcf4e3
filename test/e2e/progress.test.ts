import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, CHROMIUM } from '../helpers/browser.js';
import { testServer } from '../helpers/server.js';
import { buildSampleAudit, reviewer } from '../helpers/fixtures.js';
import { createAudit } from '../../server/db/audits.js';

// Who reviews what (issue 19): an admin assigns an audit to a reviewer from the audit list; the reviewer
// opens "my assigned audits", decides, and the progress page counts what they decided today.

if (!hasChromium()) {
  test(`progress and assignment in Chromium — SKIPPED: ${CHROMIUM} is missing`, { skip: true }, () => {});
} else {
  const s = await testServer();
  const sample = buildSampleAudit(s.db);
  createAudit(s.db, 'Another story', [{ document_id: sample.tl, role: 'translation' }], sample.tl);
  const admin = reviewer(s.db, 'lead', 'admin');
  const ana = reviewer(s.db, 'ana');
  const browser = await launchBrowser();
  const errors: string[] = [];
  async function as(token: string, hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(`${s.url}/#token=${token}`);
    await page.waitForSelector('text=Signed in as');
    await page.goto(`${s.url}/${hash}`);
    return page;
  }

  test('assign an audit, review my assigned audits, progress counts today', async () => {
    const lead = await as(admin.token, '#/');
    const pick = lead.locator(`select.assignee[data-audit="${sample.auditId}"]`);
    await pick.waitFor();
    await pick.selectOption('ana');
    await lead.waitForSelector(`select.assignee[data-audit="${sample.auditId}"][data-saved="ana"]`);
    await lead.goto(`${s.url}/#/progress`);
    await lead.waitForSelector('tr[data-reviewer="ana"]');
    assert.deepEqual(await lead.locator('tr[data-reviewer="ana"] td').allTextContents(), ['ana', '0', '0', '1', '6']);
    await lead.close();

    const page = await as(ana.token, '#/progress');
    await page.click('text=Review my assigned audits');
    await page.waitForSelector('article.flag-detail');
    await page.waitForSelector('.counts:has-text("6 pending · 0 decided · 6 flags")');
    await page.keyboard.press('a');
    await page.waitForSelector('.counts:has-text("5 pending · 1 decided")');
    await page.keyboard.press('r');
    await page.waitForSelector('.counts:has-text("4 pending · 2 decided")');
    await page.goto(`${s.url}/#/progress`);
    await page.waitForSelector('tr[data-reviewer="ana"]');
    assert.deepEqual(await page.locator('tr[data-reviewer="ana"] td').allTextContents(), ['ana', '2', '2', '1', '4']);
    // a plain reviewer sees who has each audit but cannot assign
    await page.goto(`${s.url}/#/`);
    await page.waitForSelector('table.list tbody tr');
    assert.equal(await page.locator('select.assignee').count(), 0);
    assert.ok(await page.locator('table.list td:text-is("ana")').count());
    const res = await fetch(`${s.url}/api/audits/${sample.auditId}/assignee`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ana.token}` },
      body: JSON.stringify({ reviewer: null }),
    });
    assert.equal(res.status, 403);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
