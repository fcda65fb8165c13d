/**
 * The Firefox build (Manifest V3) loads and works in Firefox: recognition, rules, the panel,
 * Finish held back, tracking through the background, and the import of a backup in a tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openFirefoxExtensionPage } from '../support/browser';
import { writeBackupFile } from '../support/backup-file';
import { FIXTURES_DIR } from '../support/fixtures';
import { readGuard, waitForGuard } from '../support/guard-probe';
import { serveDirectory, type StaticServer } from '../support/server';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(FIXTURES_DIR);
  browser = await launchFirefoxWithExtension({ extensionPages: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('in Firefox', () => {
  it('recognises a form, checks it, holds back Finish and tracks the agreement', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tracking/agreement.html`, { waitUntil: 'load' });
    const reading = await waitForGuard(page, 10_000);
    expect(reading).toMatchObject({ count: 1, kind: 'agreement', personId: '8800001' });
    // Shown in the top layer, as in Chromium.
    expect(await page.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('.mg')!.matches(':popover-open'))).toBe(true);
    // One error to hold Finish back: the agreement is not on the record.
    await page.click('#a11');
    await page.waitForFunction(() => document.querySelector('monitoring-guard')?.getAttribute('data-errors') === '1', { timeout: 15_000, polling: 100 });
    expect((await readGuard(page)).gaps.map((gap) => gap.rule)).toEqual(['agreement-on-record']);
    await page.click('#finish');
    expect(await page.evaluate(() => !!document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('dialog[open]'))).toBe(true);
    expect(await page.$eval('#msg', (element) => element.textContent)).toBe('');
    await page.evaluate(() => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-action="finish-anyway"]') as HTMLElement).click());
    expect(await page.$eval('#msg', (element) => element.textContent)).toBe('Step finished');
    // The background stored it and answered with the due date it now holds.
    await page.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-tracking="ok"]'), { timeout: 15_000, polling: 100 });
    const note = await page.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-tracking]')!.textContent);
    expect(note).toContain('next review due 25 October 2026');
    await page.close();
  });

  it('fits a form worded its own way in the page, saves it, and reads it so after a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/fitting/agreement-own-words.html`, { waitUntil: 'load' });
    await waitForGuard(page, 10_000);
    const reworded = ['signedBy', 'firstReviewDate', 'reviewFrequency'];
    const notFound = async () => (await readGuard(page)).gaps.filter((gap) => gap.field && reworded.includes(gap.field)).length;
    expect(await notFound()).toBeGreaterThan(0);
    await page.evaluate(() => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-action="fit-form"]') as HTMLElement).click());
    await page.waitForFunction(() => document.querySelector('monitoring-guard')?.shadowRoot?.querySelectorAll('[data-fit-question]').length === 16, { timeout: 10_000, polling: 100 });
    const guessed = await page.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelector<HTMLSelectElement>('[data-fit-answer="signedBy:corporateParent"] select')!.selectedOptions[0]!.text);
    expect(guessed).toBe('The council as corporate parent');
    await page.evaluate(() => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-action="fit-save"]') as HTMLElement).click());
    await page.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-fit-note]'), { timeout: 10_000, polling: 100 });
    expect(await notFound()).toBe(0);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(
      (fields) => {
        const guard = document.querySelector('monitoring-guard');
        return !!guard?.getAttribute('data-state') && !Array.from(guard.shadowRoot!.querySelectorAll('[data-field]')).some((gap) => fields.includes(gap.getAttribute('data-field')!));
      },
      { timeout: 10_000, polling: 100 },
      reworded,
    );
    expect((await readGuard(page)).errors).toBe(0);
    await page.close();
  });

  it('imports a backup in a tab, since the popup closes when the file picker opens', async () => {
    const file = writeBackupFile(['8855601', '8855602']);
    const popup = await openFirefoxExtensionPage(browser, 'popup.html');
    // The popup offers the import in a tab, and no file box of its own.
    await popup.waitForFunction(() => !!document.querySelector('[data-action="import-in-tab"]'), { timeout: 15_000, polling: 100 });
    expect(await popup.evaluate(() => document.querySelector('input[type=file]'))).toBeNull();
    const before = new Set(await browser.pages());
    await popup.evaluate(() => (document.querySelector('[data-action="import-in-tab"]') as HTMLElement).click());
    // The tab it opens (found by its heading: the remote protocol may not report its address).
    let tab: Page | undefined;
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const look = async () => {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          const heading = await page.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => '');
          if (heading === 'Import a backup') {
            tab = page;
            return resolve();
          }
        }
        if (Date.now() - started > 15_000) return reject(new Error('No tab "Import a backup" was opened'));
        setTimeout(() => void look(), 100);
      };
      void look();
    });
    const input = await tab!.waitForSelector('input[type=file]#import-file');
    await input!.uploadFile(file);
    await tab!.waitForFunction(() => document.getElementById('import-preview')?.textContent?.includes('This will add 2 agreements and update 0.'), { timeout: 15_000, polling: 100 });
    await tab!.evaluate(() => Array.from(document.querySelectorAll('button')).find((button) => button.textContent === 'Import')!.click());
    await tab!.waitForFunction(() => document.querySelector('[data-notice="success"]')?.textContent?.includes('Backup imported: 2 agreements added, 0 updated.'), { timeout: 15_000, polling: 100 });
    await tab!.close();
    // The popup, opened again, lists them.
    const again = await openFirefoxExtensionPage(browser, 'popup.html');
    await again.waitForFunction(() => !!document.querySelector('[data-person-id="8855601"]') && !!document.querySelector('[data-person-id="8855602"]'), { timeout: 15_000, polling: 100 });
    await again.close();
    if (!popup.isClosed()) await popup.close().catch(() => undefined);
  });

  it('shows the team overview with every figure, and imports several backups there, the same agreement once', async () => {
    const page = await openFirefoxExtensionPage(browser, 'overview.html');
    await page.waitForFunction(() => document.querySelector('main')?.getAttribute('data-overview-state') === 'ready', { timeout: 15_000, polling: 100 });
    const figures = () => page.$$eval('[data-figure]', (elements) => Object.fromEntries(elements.map((element) => [element.getAttribute('data-figure'), Number(element.textContent)])));
    const before = await figures();
    expect(Object.keys(before).sort()).toEqual(['due-soon', 'ended', 'finished-with-errors', 'overdue', 'past-end', 'reviews-late', 'reviews-on-time', 'upcoming']);
    const files = [writeBackupFile(['8855701', '8855702']), writeBackupFile(['8855702', '8855703'])];
    const input = await page.waitForSelector('input[type=file]#import-file');
    await input!.uploadFile(...files);
    await page.waitForFunction(() => document.getElementById('import-preview')?.textContent?.includes('This will add 3 agreements and update 0.'), { timeout: 15_000, polling: 100 });
    await page.evaluate(() => Array.from(document.querySelectorAll('button')).find((button) => button.textContent === 'Import')!.click());
    await page.waitForFunction(() => document.querySelector('[data-notice="success"]')?.textContent?.includes('Backups imported: 3 agreements added'), { timeout: 15_000, polling: 100 });
    // Each backup's agreement started on 1 September 2026, first review 1 December 2026, monthly: one more in whichever status that is today.
    await page.waitForFunction(
      (total) => Array.from(document.querySelectorAll('[data-figure="overdue"], [data-figure="due-soon"], [data-figure="upcoming"], [data-figure="ended"]')).reduce((sum, element) => sum + Number(element.textContent), 0) === total,
      { timeout: 15_000, polling: 100 },
      before.overdue! + before['due-soon']! + before.upcoming! + before.ended! + 3,
    );
    await page.close();
  });

  it('adds nothing to a page that is not one of the forms', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/worklist.html`, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await readGuard(page)).count).toBe(0);
    await page.close();
  });
});
