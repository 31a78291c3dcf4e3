import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, signedInPage, CHROMIUM } from '../helpers/browser.js';
import { testServer } from '../helpers/server.js';
import { reviewer } from '../helpers/fixtures.js';
import { REPO, seed, SEED_FILES } from '../helpers/paths.js';

// From uploading a batch to downloading corrected copies without leaving the browser (issue 19): the five
// sample articles (data/samples, in the repository) uploaded as files by an admin, the batch's progress and
// result shown, then every export downloaded from the audit page and the document page.

const SHOTS = join(REPO, 'test', 'e2e', 'screenshots');

if (!hasChromium()) {
  test(`upload and download in Chromium — SKIPPED: ${CHROMIUM} is missing`, { skip: true }, () => {});
} else {
  const s = await testServer();
  const admin = reviewer(s.db, 'boss', 'admin');
  const plain = reviewer(s.db, 'plain');
  const browser = await launchBrowser();
  const errors: string[] = [];
  const signedIn = (token: string, hash: string): Promise<Page> =>
    signedInPage(browser, { url: s.url, token, hash, errors, acceptDownloads: true });
  const files = Object.keys(SEED_FILES).map((k) => seed(k));

  test('a reviewer without the admin role is told why the upload is refused', async () => {
    const page = await signedIn(plain.token, '#/upload');
    await page.setInputFiles('#up-files', files.slice(0, 1));
    await page.click('text=Upload and audit');
    await page.waitForSelector('.alert:has-text("needs an admin token")');
    assert.equal((s.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n, 0, 'nothing stored');
    await page.close();
  });

  test('upload files as an admin, see the batch finish, download every export from the audit and document pages', async () => {
    const page = await signedIn(admin.token, '#/upload');
    await page.setInputFiles('#up-files', files);
    await page.click('text=Upload and audit');
    await page.waitForSelector('.status:has-text("done: 5 documents, ")', { timeout: 120_000 });
    assert.match((await page.locator('.status').textContent())!, /done: 5 documents, [1-9]\d* audits, 0 refused\./);
    await page.screenshot({ path: join(SHOTS, 'upload-1280.png') });
    await page.click('text=See the audits');
    await page.waitForSelector('main table a[href^="#/audits/"]');
    await page.locator('main table a[href^="#/audits/"]').first().click();
    await page.waitForSelector('details.downloads');
    await page.locator('details.downloads summary').click();
    const got = new Map<string, string>();
    for (const format of ['txt', 'md', 'html', 'tmx', 'xliff', 'csv', 'jsonl']) {
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`details.downloads a.dl[data-format="${format}"]`).first().click(),
      ]);
      const body = readFileSync((await dl.path())!, 'utf8');
      assert.ok(body.length > 100, `${format}: a real file (${body.length} chars)`);
      got.set(format, body);
      assert.match(dl.suggestedFilename(), new RegExp(`\\.${format === 'xliff' ? 'xlf' : format}$`));
    }
    assert.match(got.get('tmx')!, /<tmx/);
    assert.match(got.get('xliff')!, /<xliff/);
    assert.match(got.get('html')!, /<html/i);
    // the document page offers its own corrected copy
    await page.locator('table.threeway thead th a').first().click();
    await page.waitForSelector('details.downloads');
    await page.locator('details.downloads summary').first().click();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('details.downloads a.dl[data-format="txt"]').first().click(),
    ]);
    assert.ok(readFileSync((await dl.path())!, 'utf8').length > 100);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
