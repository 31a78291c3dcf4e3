import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { after } from 'node:test';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** Real headless Debian Chromium with no background networking (playwright gives each launch a fresh temporary profile). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  after(() => browser.close());
  return browser;
}

/**
 * A page signed in through the sign-in link (`#token=`), then at `hash`. Page errors and dialogs (dismissed) are
 * pushed to `errors`, which the tests assert empty: a page that throws or asks fails them.
 */
export async function signedInPage(
  browser: Browser,
  o: { url: string; token: string; hash: string; errors: string[]; width?: number; acceptDownloads?: boolean },
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: o.width ?? 1280, height: 800 },
    acceptDownloads: o.acceptDownloads ?? false,
  });
  page.on('pageerror', (e) => o.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => (o.errors.push(`dialog: ${d.message()}`), void d.dismiss()));
  await page.goto(`${o.url}/#token=${o.token}`);
  await page.waitForSelector('text=Signed in as');
  await page.goto(`${o.url}/${o.hash}`);
  return page;
}
