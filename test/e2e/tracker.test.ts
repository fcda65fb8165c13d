/**
 * The review tracker end to end, in Chromium with the built extension: forms saved, finished and
 * viewed read-only become popup rows with the right due date and status; a review moves the due
 * date; "End monitoring" ends the entry; a page that is not one of the forms adds nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { axeViolations } from '../support/axe';
import { extensionId } from '../support/browser';
import { readGuard, waitForGuard } from '../support/guard-probe';
import { useBrowserSession } from '../support/session';
import { writeBackupFile } from '../support/backup-file';

const session = useBrowserSession();
let popupUrl: string;

beforeAll(async () => {
  popupUrl = `chrome-extension://${await extensionId(session.browser)}/popup.html`;
});

/** Today in London, and the status a due date has today (rules.md: window of 14 days). */
function expectedStatus(due: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
  return due < today ? 'overdue' : due <= soon ? 'due-soon' : 'upcoming';
}

interface Row {
  personId: string | null;
  status: string | null;
  due: string | null;
  text: string;
}

async function popupRows(): Promise<Row[]> {
  const page = await session.browser.newPage();
  try {
    await page.goto(popupUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('[data-person-id]') || /No agreements are tracked yet/.test(document.body.textContent ?? ''), { timeout: 15_000, polling: 100 });
    return await page.$$eval('[data-person-id]', (rows) =>
      rows.map((row) => ({
        personId: row.getAttribute('data-person-id'),
        status: row.getAttribute('data-status'),
        due: row.getAttribute('data-due'),
        text: (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  } finally {
    await page.close();
  }
}

async function openForm(file: string): Promise<Page> {
  const page = await session.open(file);
  await waitForGuard(page);
  return page;
}

/** Waits until the guard says what the tracker answered. */
async function trackingNote(page: Page): Promise<string> {
  await page.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-tracking]'), { timeout: 15_000, polling: 100 });
  return page.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-tracking]')!.textContent!.trim());
}

describe('the tracker', () => {
  it('starts empty, and says how entries appear', async () => {
    expect(await popupRows()).toEqual([]);
  });

  it('tracks a saved agreement once: a second save updates the same entry', async () => {
    const page = await openForm('tracking/agreement.html');
    await page.click('#save');
    expect(await trackingNote(page)).toContain('next review due 25 October 2026');
    expect(await page.$eval('#msg', (element) => element.textContent)).toBe('Saved');
    await page.click('#save');
    await page.close();
    const rows = (await popupRows()).filter((row) => row.personId === '8800001');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ due: '2026-10-25', status: expectedStatus('2026-10-25') });
    expect(rows[0]!.text).toContain('25 October 2026');
  });

  it('moves the due date with a review, warns that the review was late, and ends with "End monitoring"', async () => {
    const page = await openForm('tracking/review-continue.html');
    // The tracker held the agreement, due 25 October: a review on 20 November was late.
    await page.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-rule="review-on-time"]'), { timeout: 15_000, polling: 100 });
    await page.click('#finish');
    expect(await trackingNote(page)).toContain('next review due 15 January 2027');
    await page.close();
    let rows = (await popupRows()).filter((row) => row.personId === '8800001');
    expect(rows).toEqual([expect.objectContaining({ due: '2027-01-15', status: expectedStatus('2027-01-15') })]);

    const end = await openForm('tracking/review-end.html');
    await end.click('#save');
    expect(await trackingNote(end)).toContain('has ended');
    await end.close();
    rows = (await popupRows()).filter((row) => row.personId === '8800001');
    expect(rows).toEqual([expect.objectContaining({ status: 'ended' })]);
  });

  it('tracks a form opened read-only (a manager’s View), and a finished one', async () => {
    const view = await openForm('readonly-agreement.html');
    await trackingNote(view);
    await view.close();
    const finished = await openForm('aria-agreement.html');
    await finished.click('#btnFinish');
    // The form has errors: the worker finishes anyway.
    await finished.evaluate(() => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-action="finish-anyway"]') as HTMLElement | null)?.click());
    await trackingNote(finished);
    await finished.close();
    const rows = await popupRows();
    const viewed = rows.find((row) => row.personId === '2345678');
    // Its end date, 31 August 2026, has passed.
    expect(viewed).toMatchObject({ due: '2026-07-01', status: 'ended' });
    expect(rows.find((row) => row.personId === '6172849')).toBeDefined();
  });

  it('adds nothing for a page that is not one of the forms', async () => {
    const before = await popupRows();
    const page = await session.open('other-form-placement-plan.html');
    await page.evaluate(() => (Array.from(document.querySelectorAll('button')).find((button) => /save/i.test(button.textContent ?? '')) as HTMLElement).click());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readGuard(page)).count).toBe(0);
    await page.close();
    expect(await popupRows()).toEqual(before);
  });

  it('draws the list before loading the database library, which it loads only to write', async () => {
    const page = await session.browser.newPage();
    try {
      // Every script the popup runs, as the debugger sees it parsed.
      const parsed: string[] = [];
      const cdp = await page.createCDPSession();
      cdp.on('Debugger.scriptParsed', (event) => parsed.push(new URL(event.url || 'about:blank').pathname));
      await cdp.send('Debugger.enable');
      await page.goto(popupUrl, { waitUntil: 'load' });
      await page.waitForSelector('[data-person-id]');
      const scripts = () => parsed.filter((path) => path.endsWith('.js'));
      // The list was read by the popup's early plain-IndexedDB read: Dexie's chunk is not loaded.
      expect(scripts()).toContain('/popup-preload.js');
      expect(scripts().some((path) => /^\/chunks\/popup-/.test(path))).toBe(true);
      expect(scripts().some((path) => /^\/chunks\/db-/.test(path))).toBe(false);
      // A write loads it, and the list read again afterwards shows the change.
      const before = await page.$$eval('[data-person-id]', (rows) => rows.length);
      const remove = await page.$('[data-person-id] button.button--secondary');
      await remove!.click();
      await page.click('[data-person-id] .button--warning');
      await page.waitForFunction((count) => document.querySelectorAll('[data-person-id]').length === count - 1, { timeout: 15_000, polling: 100 }, before);
      expect(scripts().some((path) => /^\/chunks\/db-/.test(path))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('imports a backup in the import tab (where Firefox sends it): preview first, then the popup lists it', async () => {
    const file = writeBackupFile(['8855501', '8855502']);
    const page = await session.browser.newPage();
    try {
      await page.goto(popupUrl.replace('popup.html', 'import.html'), { waitUntil: 'load' });
      const input = await page.waitForSelector('input[type=file]#import-file');
      await input!.uploadFile(file);
      await page.waitForFunction(() => document.getElementById('import-preview')?.textContent?.includes('This will add 2 agreements and update 0.'), { timeout: 15_000, polling: 100 });
      expect(await axeViolations(page)).toEqual([]);
      expect((await popupRows()).some((row) => row.personId === '8855501')).toBe(false);
      await page.evaluate(() => Array.from(document.querySelectorAll('button')).find((button) => button.textContent === 'Import')!.click());
      await page.waitForFunction(() => document.querySelector('[data-notice="success"]')?.textContent?.includes('Backup imported: 2 agreements added, 0 updated.'), { timeout: 15_000, polling: 100 });
      expect(await axeViolations(page)).toEqual([]);
      const rows = await popupRows();
      expect(rows.filter((row) => row.personId === '8855501' || row.personId === '8855502')).toHaveLength(2);
    } finally {
      await page.close();
    }
  });

  it('has no accessibility violations in the popup (axe-core, WCAG 2.2 AA)', async () => {
    const page = await session.browser.newPage();
    try {
      await page.goto(popupUrl, { waitUntil: 'load' });
      await page.waitForSelector('[data-person-id]');
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
