/**
 * Fitting a council's form in the page, in Chromium with the built extension (contract.md,
 * "Fitting a council's form"): a sample whose three labels and four answers are worded its own
 * way is fitted, saved, read again after a reload, exported, and imported in the options page of
 * a fresh browser profile with the same result. The popup's "Fit a form on this page" on a form
 * the guard does not recognise. axe-core finds nothing in the fitting view.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, GUARD_CONTEXT } from '../support/axe';
import { extensionId, launchWithExtension } from '../support/browser';
import { readGuard, waitForGuard } from '../support/guard-probe';
import { useBrowserSession } from '../support/session';

const session = useBrowserSession();
const SAMPLE = 'fitting/agreement-own-words.html';
const REWORDED = ['signedBy', 'firstReviewDate', 'reviewFrequency'];
const FIT_VIEW = { include: GUARD_CONTEXT };

/** Downloads of this browser go to a folder of their own. */
async function downloadsTo(browser: Browser): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'mg-downloads-'));
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder, eventsEnabled: true });
  return folder;
}

/** Waits for a finished download in the folder (a state, not a time: generous bound for a busy machine). */
async function downloaded(folder: string, name: string, timeout = 20_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const path = join(folder, name);
    if (existsSync(path) && !readdirSync(folder).some((file) => file.endsWith('.crdownload'))) {
      const text = readFileSync(path, 'utf8');
      if (text.trim().endsWith('}')) return text;
    }
    if (Date.now() - start > timeout) throw new Error(`${name} was not downloaded; the folder holds ${readdirSync(folder).join(', ') || 'nothing'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const inGuard = <T,>(page: Page, script: (root: ShadowRoot) => T) =>
  page.evaluate((source) => {
    const root = document.querySelector('monitoring-guard')!.shadowRoot!;
    return new Function('root', `return (${source})(root)`)(root);
  }, script.toString()) as Promise<T>;

async function click(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector(css), { timeout: 10_000, polling: 100 }, selector);
  await page.evaluate((css) => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector(css) as HTMLElement).click(), selector);
}

/** The text of the option selected in a fitting view's select. */
const selected = (page: Page, selector: string) =>
  page.evaluate((css) => {
    const select = document.querySelector('monitoring-guard')!.shadowRoot!.querySelector<HTMLSelectElement>(`${css} select`)!;
    return select.selectedOptions[0]?.text ?? null;
  }, selector);

/** Chooses an option by its text, as a person would, in a fitting view's select. */
const choose = (page: Page, selector: string, text: string) =>
  page.evaluate(
    (css, wanted) => {
      const select = document.querySelector('monitoring-guard')!.shadowRoot!.querySelector<HTMLSelectElement>(`${css} select`)!;
      select.value = Array.from(select.options).find((option) => option.text === wanted)!.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    text,
  );

/** Waits until the guard reads the sample with none of the reworded questions missing, then its verdict. */
async function fittedVerdict(page: Page): Promise<{ errors: number | null; warnings: number | null; rules: Array<string | null> }> {
  await page.waitForFunction(
    (fields) => {
      const guard = document.querySelector('monitoring-guard');
      return !!guard?.getAttribute('data-state') && !Array.from(guard.shadowRoot!.querySelectorAll('[data-field]')).some((gap) => fields.includes(gap.getAttribute('data-field')!));
    },
    { timeout: 15_000, polling: 100 },
    REWORDED,
  );
  const reading = await readGuard(page);
  return { errors: reading.errors, warnings: reading.warnings, rules: reading.gaps.map((gap) => gap.rule) };
}

const notFound = async (page: Page) => (await readGuard(page)).gaps.filter((gap) => gap.field && REWORDED.includes(gap.field)).map((gap) => gap.field);

describe('fitting a form in the page', () => {
  it('fits the sample worded its own way, saves it, reads it so after a reload, and exports it', async () => {
    const folder = await downloadsTo(session.browser);
    const page = await session.open(SAMPLE);
    const before = await waitForGuard(page, 10_000);
    expect(before.kind).toBe('agreement');
    expect(new Set(await notFound(page))).toEqual(new Set(REWORDED));

    await click(page, '[data-action="fit-form"]');
    await page.waitForFunction(() => document.querySelector('monitoring-guard')?.shadowRoot?.querySelectorAll('[data-fit-question]').length === 16, { timeout: 10_000, polling: 100 });
    // The best guess, as the page words it.
    expect(await selected(page, '[data-fit-question="signedBy"]')).toBe('Who signed the agreement?');
    expect(await selected(page, '[data-fit-question="firstReviewDate"]')).toBe('First review to be held by');
    expect(await selected(page, '[data-fit-question="reviewFrequency"]')).toBe('How often will it be reviewed after that?');
    expect(await selected(page, '[data-fit-answer="signedBy:youngPerson"]')).toBe('The young person');
    expect(await selected(page, '[data-fit-answer="signedBy:parent"]')).toBe('A parent');
    expect(await selected(page, '[data-fit-answer="signedBy:otherParentalResponsibility"]')).toBe('Another person with parental responsibility');
    expect(await selected(page, '[data-fit-answer="signedBy:corporateParent"]')).toBe('The council as corporate parent');
    // The question being fitted is highlighted in the page.
    await page.evaluate(() => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-fit-question="firstReviewDate"] select') as HTMLElement).focus());
    await page.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-fit-highlight]'), { timeout: 15_000, polling: 100 });
    expect(await axeViolations(page, FIT_VIEW)).toEqual([]);

    // A fitting that cannot work is refused, and nothing is saved.
    await choose(page, '[data-fit-question="firstReviewDate"]', 'Agreement end date');
    await click(page, '[data-action="fit-save"]');
    await page.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('.error-summary'), { timeout: 15_000, polling: 100 });
    expect(await inGuard(page, (root) => root.querySelector('.error-summary h3')!.textContent)).toBe('There is a problem');
    expect(await axeViolations(page, FIT_VIEW)).toEqual([]);
    await choose(page, '[data-fit-question="firstReviewDate"]', 'First review to be held by');

    await click(page, '[data-action="fit-export"]');
    await page.waitForFunction(() => /^Downloading /.test(document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-fit-notice]')?.textContent ?? ''), { timeout: 15_000, polling: 100 }).catch(async (error: unknown) => {
      const shown = await inGuard(page, (root) => root.querySelector('[data-fit-notice], .error-summary')?.textContent ?? 'nothing');
      throw new Error(`The fitting was not exported; the view shows: ${shown}`, { cause: error });
    });
    const exported = JSON.parse(await downloaded(folder, 'fitted-agreement-internet-monitoring-written-agreement.json'));
    expect(exported.questions.find((question: { name: string }) => question.name === 'signedBy').label).toBe('Who signed the agreement?');

    await click(page, '[data-action="fit-save"]');
    await page.waitForFunction(() => document.querySelector('monitoring-guard')?.getAttribute('data-fitting') === null && !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-fit-note]'), { timeout: 10_000, polling: 100 });
    const fitted = await fittedVerdict(page);

    // Every later page with the form uses it.
    await page.reload({ waitUntil: 'load' });
    expect(await fittedVerdict(page)).toEqual(fitted);
    await page.close();

    // A fresh browser profile: the export imported in the options page gives the same reading.
    const fresh = await launchWithExtension();
    try {
      const other = await fresh.newPage();
      await other.goto(`${session.server.url}/${SAMPLE}`, { waitUntil: 'load' });
      await waitForGuard(other, 10_000);
      expect(new Set(await notFound(other))).toEqual(new Set(REWORDED));
      const options = await fresh.newPage();
      await options.goto(`chrome-extension://${await extensionId(fresh)}/options.html`, { waitUntil: 'load' });
      const input = (await options.waitForSelector('#profile-file')) as import('puppeteer-core').ElementHandle<HTMLInputElement>;
      await input!.uploadFile(join(folder, 'fitted-agreement-internet-monitoring-written-agreement.json'));
      await options.waitForFunction(() => document.body.textContent!.includes('Imported 1 profile'), { timeout: 10_000, polling: 100 });
      await other.reload({ waitUntil: 'load' });
      expect(await fittedVerdict(other)).toEqual(fitted);
    } finally {
      await fresh.close();
    }
  });

  it("fits a form the guard does not recognise, from the popup's 'Fit a form on this page'", async () => {
    const page = await session.open('fitting/review-own-title.html');
    // Nothing recognised: the guard adds nothing.
    await page.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000, polling: 100 });
    const popup = await session.browser.newPage();
    await popup.goto(`chrome-extension://${await extensionId(session.browser)}/popup.html`, { waitUntil: 'load' });
    // The popup asks about the active tab: the form's, as when it is opened from the toolbar.
    await page.bringToFront();
    await popup.reload({ waitUntil: 'load' });
    await popup.waitForSelector('[data-fit-prompt]', { timeout: 10_000 });
    expect(await axeViolations(popup)).toEqual([]);
    // Clicked by script: the popup's tab is behind the form's, where a pointer cannot reach it.
    await popup.evaluate(() => (document.querySelector('#fit-kind-review') as HTMLElement).click());
    await popup.waitForFunction(() => (document.querySelector('#fit-kind-review') as HTMLInputElement).checked, { timeout: 15_000, polling: 100 });
    const closed = new Promise((resolve) => popup.once('close', resolve));
    await popup.evaluate(() => (document.querySelector('[data-action="fit-start"]') as HTMLElement).click());
    // The popup closes itself once the fitting view is open in the page.
    await closed;
    await page.waitForFunction(() => document.querySelector('monitoring-guard')?.getAttribute('data-fitting') === 'true', { timeout: 10_000, polling: 100 });
    expect(await inGuard(page, (root) => (root.querySelector('#mg-fit-title') as HTMLInputElement).value)).toBe('Online safety agreement: review meeting');
    expect(await selected(page, '[data-fit-question="reviewDate"]')).toBe('Meeting date');
    expect(await selected(page, '[data-fit-answer="outcome:continue"]')).toBe('Carry on as agreed');
    await click(page, '[data-action="fit-save"]');
    await page.waitForFunction(() => document.querySelector('monitoring-guard')?.getAttribute('data-form-kind') === 'review' && !document.querySelector('monitoring-guard')?.hasAttribute('data-fitting'), { timeout: 10_000, polling: 100 });
    expect((await readGuard(page)).personId).toBe('40022');
    await page.close();
  });
});
