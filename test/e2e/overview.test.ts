/**
 * The team overview end to end, in Chromium with the built extension: opened from the popup;
 * several workers' backups imported at once (a preview first, a bad file refusing them all);
 * its figures (contract.md, "The team overview") as the tracker gives them; a form saved with
 * errors counted by rule; the CSV; print on A4; and axe.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { axeViolations } from '../support/axe';
import { extensionId } from '../support/browser';
import { waitForGuard } from '../support/guard-probe';
import { useBrowserSession } from '../support/session';
import { teamAgreements, teamBackups } from '../support/team';
import { todayInUk } from '../../lib/dates';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { overviewOf, type Overview } from '../../lib/tracker/overview';

const session = useBrowserSession();
let base: string;
const TODAY = todayInUk();
const TEAM = { today: TODAY, agreements: 60, reviews: 180, seed: 20, workers: ['alex', 'sam', 'priya'] };

beforeAll(async () => {
  base = `chrome-extension://${await extensionId(session.browser)}`;
});

async function openOverview(page?: Page): Promise<Page> {
  const tab = page ?? (await session.browser.newPage());
  await tab.goto(`${base}/overview.html`, { waitUntil: 'load' });
  await tab.waitForSelector('main[data-overview-state="ready"], main[data-overview-state="failed"]', { timeout: 20_000 });
  return tab;
}

async function figures(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-figure]', (elements) => Object.fromEntries(elements.map((element) => [element.getAttribute('data-figure'), Number(element.textContent)])));
}

function expectedFigures(overview: Overview): Record<string, number> {
  return {
    overdue: overview.counts.overdue,
    'due-soon': overview.counts['due-soon'],
    upcoming: overview.counts.upcoming,
    ended: overview.counts.ended,
    'reviews-on-time': overview.reviewsOnTime,
    'reviews-late': overview.reviewsLate,
    'past-end': overview.pastEnd.length,
    'finished-with-errors': overview.finishedWithErrors,
  };
}

function writeFiles(files: Array<{ name: string; text: string }>): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'mg-team-'));
  return files.map((file) => {
    const path = join(folder, file.name);
    writeFileSync(path, file.text);
    return path;
  });
}

const clickButton = (page: Page, text: string) =>
  page.evaluate((label) => Array.from(document.querySelectorAll('button')).find((button) => button.textContent?.trim() === label)!.click(), text);

describe('the team overview', () => {
  it('opens from the popup, in a tab of its own', async () => {
    const popup = await session.browser.newPage();
    await popup.goto(`${base}/popup.html`, { waitUntil: 'load' });
    const link = await popup.waitForSelector('[data-action="open-overview"]', { timeout: 15_000 });
    const opened = session.browser.waitForTarget((target) => target.url() === `${base}/overview.html`, { timeout: 15_000 });
    await link!.click();
    const page = await (await opened).page();
    await page!.waitForSelector('main[data-overview-state="ready"]', { timeout: 20_000 });
    // Nothing tracked yet: every figure is 0.
    expect(Object.values(await figures(page!))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    await page!.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('imports several workers\' backups at once: a preview first, the same agreement once, then the figures of the whole team', async () => {
    const paths = writeFiles(teamBackups(TEAM));
    const page = await openOverview();
    try {
      const input = await page.waitForSelector('input[type=file]#import-file');
      await input!.uploadFile(...paths);
      await page.waitForFunction(() => document.getElementById('import-preview')?.textContent?.includes('This will add 60 agreements and update 0.'), { timeout: 20_000, polling: 100 });
      const checked = await page.$eval('.confirm .hint', (element) => element.textContent ?? '');
      expect(checked).toMatch(/alex\.json \(\d+ agreements\), sam\.json \(\d+ agreements\), priya\.json \(\d+ agreements\)/);
      expect(checked).toMatch(/in more than one file and will be kept once/);
      // The preview lists the changes; nothing is written yet.
      expect(await page.$$eval('[data-import-change]', (rows) => rows.length)).toBe(50);
      expect(Object.values(await figures(page)).every((value) => value === 0)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await clickButton(page, 'Import');
      await page.waitForFunction(() => document.querySelector('[data-notice="success"]')?.textContent?.includes('Backups imported: 60 agreements added, 0 updated.'), { timeout: 20_000, polling: 100 });
      await page.waitForFunction(() => Number(document.querySelector('[data-figure="upcoming"]')?.textContent) + Number(document.querySelector('[data-figure="ended"]')?.textContent) > 0, { timeout: 20_000, polling: 100 });
      const expected = expectedFigures(overviewOf(teamAgreements(TEAM), TODAY, DEFAULT_SETTINGS.dueSoonDays));
      expect(await figures(page)).toEqual(expected);
      // Not a team of zeros: each part of the page has something to show.
      expect(expected['reviews-on-time']).toBeGreaterThan(0);
      expect(expected['reviews-late']).toBeGreaterThan(0);
      expect(expected['past-end']).toBeGreaterThan(0);
      expect(expected['finished-with-errors']).toBeGreaterThan(0);
      // The chart's numbers are also in the table, month by month.
      const table = await page.$$eval('tr[data-month]', (rows) => rows.map((row) => Array.from(row.children).map((cell) => cell.textContent)));
      expect(table).toHaveLength(12);
      expect(table.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(expected['reviews-on-time']);
      expect(table.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(expected['reviews-late']);
      expect(await page.$eval('svg.chart', (svg) => svg.getAttribute('role'))).toBe('img');
      expect(await page.$eval('svg.chart desc', (desc) => desc.textContent)).toContain(`${expected['reviews-on-time']} on time`);
      // The popup counts the same tracker.
      const popup = await session.browser.newPage();
      await popup.goto(`${base}/popup.html`, { waitUntil: 'load' });
      await popup.waitForSelector('[data-person-id]', { timeout: 15_000 });
      const statuses = await popup.$$eval('[data-count]', (counts) => Object.fromEntries(counts.map((count) => [count.getAttribute('data-count'), Number(count.querySelector('.count-number')?.textContent)])));
      expect(statuses).toEqual({ overdue: expected.overdue, 'due-soon': expected['due-soon'], upcoming: expected.upcoming, ended: expected.ended });
      await popup.close();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refuses all the files when one is malformed, names it, and changes nothing', async () => {
    const good = teamBackups({ ...TEAM, agreements: 5, seed: 99, workers: ['new'] });
    const hostile = JSON.parse(good[0]!.text);
    hostile.agreements[0].name = '<img src=x onerror="document.title=1">';
    const paths = writeFiles([...good, { name: 'hostile.json', text: JSON.stringify(hostile) }, { name: 'notes.json', text: 'Sam Taylor, review on Tuesday' }]);
    const page = await openOverview();
    try {
      const before = await figures(page);
      const input = await page.waitForSelector('input[type=file]#import-file');
      await input!.uploadFile(...paths);
      await page.waitForSelector('.error-summary', { timeout: 20_000 });
      const errors = await page.$eval('.error-summary', (element) => element.textContent ?? '');
      expect(errors).toContain('hostile.json: Row 1');
      expect(errors).toContain('has fields the tracker does not keep: name');
      expect(errors).toContain('notes.json: The file is not valid JSON');
      expect(await page.$('#import-preview')).toBeNull();
      expect(await page.title()).not.toBe('1');
      expect(await axeViolations(page)).toEqual([]);
      await openOverview(page);
      expect(await figures(page)).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('counts a form saved with errors under its rule, with its person ID', async () => {
    const page = await openOverview();
    const before = (await figures(page))['finished-with-errors']!;
    const form = await session.open('aria-agreement.html');
    await waitForGuard(form);
    const rules = await form.$$eval('monitoring-guard', ([guard]) => Array.from(guard!.shadowRoot!.querySelectorAll('[data-severity="error"][data-rule]')).map((gap) => gap.getAttribute('data-rule')!));
    expect(rules.length).toBeGreaterThan(0);
    await form.click('#btnSave');
    await form.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-tracking]'), { timeout: 15_000, polling: 100 });
    await form.close();
    await page.bringToFront();
    await openOverview(page);
    try {
      expect((await figures(page))['finished-with-errors']).toBe(before + 1);
      for (const rule of new Set(rules)) {
        const people = await page.$$eval(`[data-rule-errors="${rule}"] td:first-child`, (cells) => cells.map((cell) => cell.textContent?.trim()));
        expect(people).toContain('6172849');
      }
    } finally {
      await page.close();
    }
  });

  it('downloads the overview as CSV', async () => {
    const page = await openOverview();
    const folder = mkdtempSync(join(tmpdir(), 'mg-csv-'));
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
      const shown = await figures(page);
      await clickButton(page, 'Download as CSV');
      const file = join(folder, `monitoring-guard-team-overview-${TODAY}.csv`);
      for (let tries = 0; !existsSync(file) && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(readdirSync(folder)).toContain(`monitoring-guard-team-overview-${TODAY}.csv`);
      const lines = readFileSync(file, 'utf8').split('\r\n');
      expect(lines).toContain(`Agreements overdue,${shown.overdue}`);
      expect(lines).toContain(`Agreements past their end date with no review that ended monitoring,${shown['past-end']}`);
      expect(lines).toContain(`"Forms with errors when saved, finished or viewed",${shown['finished-with-errors']}`);
    } finally {
      await page.close();
    }
  });

  it('prints on A4: the figures, chart and tables, without buttons or the import, and nothing wider than the page', async () => {
    const page = await openOverview();
    try {
      await page.emulateMediaType('print');
      // A4 less 15 mm margins each side: 180 mm, at 96 CSS pixels to the inch.
      await page.setViewport({ width: Math.floor((180 / 25.4) * 96), height: 1000 });
      const layout = await page.evaluate(() => ({
        buttons: Array.from(document.querySelectorAll('button, input')).filter((element) => (element as HTMLElement).offsetParent !== null).length,
        import: (document.getElementById('team-heading') as HTMLElement).offsetParent !== null,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        figures: Array.from(document.querySelectorAll('[data-figure]')).filter((element) => (element as HTMLElement).offsetParent !== null).length,
        chart: (document.querySelector('svg.chart') as SVGSVGElement).getBoundingClientRect().width,
      }));
      expect(layout).toMatchObject({ buttons: 0, import: false, overflow: 0, figures: 8 });
      expect(layout.chart).toBeGreaterThan(300);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const text = Buffer.from(pdf).toString('latin1');
      // Every page is A4: 595 × 842 points (Chromium writes 841.89).
      const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((match) => [Math.round(Number(match[1])), Math.round(Number(match[2]))]);
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) expect(box).toEqual([595, 842]);
    } finally {
      await page.close();
    }
  });
});
