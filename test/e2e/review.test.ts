import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, CHROMIUM } from '../helpers/browser.js';
import { testServer } from '../helpers/server.js';
import { tmpDir } from '../helpers/tmp.js';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/serve.js';
import { buildDetectedAudit, buildHostileDocument, reviewer } from '../helpers/fixtures.js';
import { REPO } from '../helpers/paths.js';

const SHOTS = join(REPO, 'test', 'e2e', 'screenshots');

if (!hasChromium()) {
  test(
    `review web app in Chromium — SKIPPED: ${CHROMIUM} is missing (apt-get install chromium)`,
    { skip: true },
    () => {},
  );
} else {
  mkdirSync(SHOTS, { recursive: true });
  const s = await testServer();
  // The sample story through the real pipeline (align, every detector, reconcileFlags): what a reviewer sees.
  const sample = buildDetectedAudit(s.db);
  const total = sample.flags;
  const spinDoc = sample.documents[4]!;
  const hostile = buildHostileDocument(s.db);
  const me = reviewer(s.db, 'e2e', 'admin');
  const other = reviewer(s.db, 'other');
  const browser = await launchBrowser();
  const dialogs: string[] = [];

  // Every read needs a token (issue 22): a page starts signed in as `me` unless told to start signed out.
  async function newPage(width = 1280, height = 800, token: string | null = me.token): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    if (token) await page.addInitScript(`localStorage.setItem('tapat.token', ${JSON.stringify(token)})`);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => dialogs.push(`pageerror: ${e.message}`));
    return page;
  }
  const stateOf = async (page: Page, flagId: number): Promise<string> =>
    (await page.locator(`button.item[data-flag="${flagId}"] .state`).textContent()) ?? '';
  const selectedId = async (page: Page): Promise<number> =>
    Number(await page.locator('article.flag-detail').getAttribute('data-flag'));

  test('sign in from the printed link; the token leaves the address bar', async () => {
    const page = await newPage(1280, 800, null);
    await page.goto(`${s.url}/#token=${me.token}`);
    await page.waitForSelector('text=Signed in as');
    assert.equal(await page.evaluate('location.hash'), '#/queue');
    assert.equal(await page.evaluate("localStorage.getItem('tapat.token')"), me.token);
    await page.close();
  });

  test('audit view: aligned rows, spun phrases underlined with their suggested original; screenshots', async () => {
    const page = await newPage();
    await page.goto(`${s.url}/#/audits/${sample.auditId}`);
    await page.waitForSelector('table.threeway tbody tr');
    const heads = await page.locator('table.threeway thead th').allTextContents();
    assert.match(heads[1]!, /tl · translation/);
    assert.match(heads[2]!, /en · source · pivot/);
    assert.match(heads[heads.length - 1]!, /en · spin/);
    // a spun phrase the detectors found is underlined in the spun column, with its suggested original beside it
    const { flags } = (await (
      await fetch(`${s.url}/api/flags?audit=${sample.auditId}&document=${spinDoc}&category=style/spin&limit=500`, {
        headers: { authorization: `Bearer ${me.token}` },
      })
    ).json()) as {
      flags: {
        suggestion: string | null;
        start: number;
        end: number;
        excerpt: string;
        excerpt_start: number;
        document_id: number;
      }[];
    };
    const spun = flags.find((f) => f.suggestion && f.document_id === spinDoc)!;
    assert.ok(spun, 'the spin detectors flag the spun copy');
    const phrase = spun.excerpt.slice(spun.start - spun.excerpt_start, spun.end - spun.excerpt_start);
    // (diff marks may cut the underlined phrase into several spans, so the phrase is looked for in the cell)
    const cell = page
      .locator(`td[data-doc="${spinDoc}"]`, {
        hasText: phrase,
        has: page.locator('.suggestion', { hasText: `→ ${spun.suggestion}` }),
      })
      .first();
    assert.ok(await cell.isVisible());
    assert.ok((await cell.locator('.flagged').count()) >= 1);
    assert.ok((await page.locator('.threeway .ins').count()) > 0, 'spun copy differences highlighted');
    assert.ok((await page.locator('.threeway .anchor').count()) > 0, 'tl/en anchors highlighted');
    await page.screenshot({ path: join(SHOTS, 'audit-1280.png') });
    await page.setViewportSize({ width: 420, height: 800 });
    assert.equal(
      await page.evaluate('document.documentElement.scrollWidth <= 420'),
      true,
      'rows stack: no sideways scrolling',
    );
    await page.screenshot({ path: join(SHOTS, 'audit-420.png') });
    await page.close();
  });

  test('queue from the keyboard: approve, reject, correct; reload: persisted; 409 shown', async () => {
    const page = await newPage();
    await page.goto(`${s.url}/#token=${me.token}`);
    await page.waitForSelector('text=Signed in as');
    await page.goto(`${s.url}/#/queue?audit=${sample.auditId}`);
    await page.waitForSelector('article.flag-detail');
    await page.waitForSelector(`.counts:has-text("${total} pending")`);
    assert.ok(total >= 3, 'the detectors find something to review');
    const first = await selectedId(page);
    const head = (await (
      await fetch(`${s.url}/api/flags?status=pending&audit=${sample.auditId}&limit=1`, {
        headers: { authorization: `Bearer ${me.token}` },
      })
    ).json()) as { flags: { id: number }[] };
    assert.equal(first, head.flags[0]!.id, 'the queue opens on its first flag');
    await page.keyboard.press('a');
    await page.waitForSelector(`.status:has-text("Flag #${first} approved")`);
    await page.waitForSelector(`.counts:has-text("${total - 1} pending · 1 decided")`);
    const second = await selectedId(page);
    assert.notEqual(second, first, 'the next item loaded');
    await page.keyboard.press('r');
    await page.waitForSelector(`.status:has-text("Flag #${second} rejected")`);
    const third = await selectedId(page);
    await page.keyboard.press('e');
    const editor = page.locator('#correction');
    await editor.waitFor();
    await page.waitForFunction("document.activeElement?.id === 'correction'"); // the editor takes the focus
    await page.keyboard.press('Escape');
    await page.waitForSelector('.status:has-text("cancelled")');
    assert.equal(await stateOf(page, third), 'pending');
    await page.keyboard.press('e');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('visit to the East Asian nation');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.status:has-text("Flag #${third} corrected")`);
    await page.waitForSelector(`.counts:has-text("${total - 3} pending · 3 decided")`);
    // k walks back to the corrected flag, u undoes it, e corrects it again
    for (let i = 0; i < 6 && (await selectedId(page)) !== third; i++) await page.keyboard.press('k');
    assert.equal(await selectedId(page), third);
    await page.keyboard.press('j');
    assert.notEqual(await selectedId(page), third);
    await page.keyboard.press('k');
    await page.keyboard.press('u');
    await page.waitForSelector(`.status:has-text("Flag #${third} undone")`);
    await page.waitForSelector(`.counts:has-text("${total - 2} pending · 2 decided")`);
    assert.equal(await stateOf(page, third), 'pending');
    await page.keyboard.press('e');
    await page.waitForFunction("document.activeElement?.id === 'correction'");
    await page.keyboard.press('Control+A');
    await page.keyboard.type('visit to the East Asian nation');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.counts:has-text("${total - 3} pending · 3 decided")`);
    await page.screenshot({ path: join(SHOTS, 'queue-1280.png') });

    await page.reload();
    await page.waitForSelector('article.flag-detail');
    // the default filter is "pending": decided flags are gone from it, and come back under "decided"
    await page.keyboard.press('/');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'f-status');
    await page.selectOption('#f-status', 'decided');
    await page.waitForSelector(`button.item[data-flag="${third}"]`);
    assert.equal(await stateOf(page, first), 'approved');
    assert.equal(await stateOf(page, second), 'rejected');
    assert.equal(await stateOf(page, third), 'corrected');
    await page.locator(`button.item[data-flag="${third}"]`).click();
    await page.waitForSelector('.decision:has-text("visit to the East Asian nation")');

    // someone else answers the flag on screen: our verdict names a stale version → 409, shown and reloaded
    const shown = await selectedId(page);
    const version = Number(await page.locator('article.flag-detail').getAttribute('data-version'));
    const res = await fetch(`${s.url}/api/flags/${shown}/verdicts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
      body: JSON.stringify({ action: 'reject', version }),
    });
    assert.equal(res.status, 201);
    await page.keyboard.press('a');
    await page.waitForSelector('.alert:has-text("changed by someone else — reloaded")');
    await page.waitForSelector(`article.flag-detail[data-version="${version + 1}"]`);
    assert.equal(await stateOf(page, shown), 'rejected');
    await page.screenshot({ path: join(SHOTS, 'queue-409.png') });
    await page.setViewportSize({ width: 420, height: 800 });
    // narrow: one column, the flag first, nothing wider than the window
    const detailBox = (await page.locator('section.detail').boundingBox())!;
    const listBox = (await page.locator('ol.items').boundingBox())!;
    assert.ok(detailBox.y + detailBox.height <= listBox.y, 'the flag is above the list');
    assert.ok(detailBox.width <= 420 && listBox.width <= 420);
    assert.equal(await page.evaluate('document.documentElement.scrollWidth <= 420'), true, 'no sideways scrolling');
    await page.screenshot({ path: join(SHOTS, 'queue-420.png'), fullPage: true });
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('npm start on a fresh database: the printed link signs in, the sample corpus is ready to review from the keyboard', async () => {
    const lines: string[] = [];
    const fresh = await startServer({
      dbFile: join(tmpDir(), 'fresh.db'),
      port: 0,
      host: '127.0.0.1',
      config: loadConfig({}, '/nonexistent'),
      loadSamples: true,
      log: (l) => lines.push(l),
    });
    try {
      const link = /http:\/\/\S+\/#token=\S+/.exec(lines.join('\n'))?.[0];
      assert.ok(link, lines.join('\n'));
      const page = await newPage(1280, 800, null);
      await page.goto(link);
      await page.waitForSelector('text=Signed in as local');
      await page.waitForSelector('article.flag-detail');
      const stats = (await (
        await fetch(`${fresh.url}/api/stats`, { headers: { authorization: `Bearer ${link.split('#token=')[1]}` } })
      ).json()) as { pending: number };
      assert.ok(stats.pending > 0, 'the samples were audited and flagged at start');
      await page.waitForSelector(`.counts:has-text("${stats.pending} pending · 0 decided")`);
      const id = await selectedId(page);
      await page.keyboard.press('a');
      await page.waitForSelector(`.status:has-text("Flag #${id} approved")`);
      await page.waitForSelector(`.counts:has-text("${stats.pending - 1} pending · 1 decided")`);
      await page.close();
    } finally {
      await fresh.close();
    }
  });

  test('hostile text renders as text and runs nothing', async () => {
    const page = await newPage();
    for (const hash of [
      `#/documents/${hostile.documentId}`,
      `#/audits/${hostile.auditId}`,
      `#/queue?status=all&focus=${hostile.flagId}`,
      '#/documents',
      '#/',
    ]) {
      await page.goto(`${s.url}/${hash}`);
      await page.waitForSelector('main h1');
      await page.waitForTimeout(50);
    }
    await page.goto(`${s.url}/#/documents/${hostile.documentId}`);
    await page.waitForSelector('text=<img src=x onerror="window.__pwned=1;alert(1)">');
    assert.ok(await page.locator('text=<script>window.__pwned=2;alert(2)</script>').isVisible());
    await page.screenshot({ path: join(SHOTS, 'hostile-document.png') });
    await page.goto(`${s.url}/#/queue?status=all&focus=${hostile.flagId}`);
    await page.waitForSelector('.message:has-text("<img src=x onerror")');
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.deepEqual(dialogs, []);
    await page.close();
  });
}
