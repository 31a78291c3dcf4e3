import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasChromium, launchBrowser, CHROMIUM } from '../helpers/browser.js';
import { testServer } from '../helpers/server.js';
import { reviewer } from '../helpers/fixtures.js';
import { REPO } from '../helpers/paths.js';
import { storeDocument } from '../../server/db/documents.js';
import { ingestFile } from '../../server/pipeline/ingest/index.js';
import { segmentDoc } from '../../server/pipeline/segment/index.js';

// Issue 18, "done when": a page's captions, credits and galleries show as boilerplate in the review UI.
// A Tagalog page (test/fixtures/extract/tl-layout-2.html) through the real ingest, segmentation and storage,
// then its document view in Chromium.

const SHOTS = join(REPO, 'test', 'e2e', 'screenshots');

if (!hasChromium()) {
  test(
    `boilerplate in the document view — SKIPPED: ${CHROMIUM} is missing (apt-get install chromium)`,
    { skip: true },
    () => {},
  );
} else {
  mkdirSync(SHOTS, { recursive: true });
  const s = await testServer();
  const doc = segmentDoc(ingestFile(join(REPO, 'test/fixtures/extract/tl-layout-2.html'), { maxBytes: 1e7 })[0]!);
  const documentId = storeDocument(s.db, doc).id;
  const me = reviewer(s.db, 'e2e-extract', 'admin');
  const browser = await launchBrowser();

  test('captions, credits and gallery lines of an HTML page are shown marked as boilerplate', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${s.url}/#token=${me.token}`);
    await page.waitForSelector('text=Signed in as');
    await page.goto(`${s.url}/#/documents/${documentId}`);
    await page.waitForSelector('ol.segments li');
    const marked = async (text: string): Promise<string> =>
      (await page
        .locator('ol.segments li.boilerplate', { hasText: text })
        .first()
        .locator('.tag', { hasText: 'boilerplate:' })
        .textContent()) ?? '';
    assert.equal(await marked('REUTERS'), 'boilerplate: credit');
    assert.equal(await marked('Larawan 2 ng 3'), 'boilerplate: caption-label');
    assert.equal(await marked('Sinalubong ni Putin si Kim'), 'boilerplate: gallery');
    assert.equal(await marked('Nag-ambag sa ulat na ito'), 'boilerplate: credit');
    // the article's own sentences are not marked
    const article = page.locator('ol.segments li', { hasText: 'Nagkita ang dalawang pinuno' });
    assert.equal(await article.count(), 1);
    assert.equal(await article.getAttribute('class'), null);
    await page.screenshot({ path: join(SHOTS, 'extract-boilerplate.png'), fullPage: true });
    await page.close();
    await browser.close();
  });
}
