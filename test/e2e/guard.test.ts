/**
 * The guard as a social worker meets it, in Chromium with the built extension: gaps that follow
 * typing and choices within a second, Finish held back with errors (and never Save), and an
 * accessibility scan (axe-core, WCAG 2.2 AA) of the chip, the panel and the dialog.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { axeViolations, GUARD_CONTEXT, guardInFrame } from '../support/axe';
import { readGuard, waitForGuard } from '../support/guard-probe';
import { useBrowserSession } from '../support/session';

const FORM = 'step-editor-window-agreement.html';
const session = useBrowserSession();

async function openForm(file = FORM): Promise<Page> {
  const page = await session.open(file);
  await waitForGuard(page);
  return page;
}

const rulesOf = async (page: Page) => [...new Set((await readGuard(page)).gaps.map((gap) => gap.rule))].sort();

/** Waits (up to a second) until the guard's gaps no longer include `rule`. */
async function waitUntilGone(page: Page, rule: string) {
  await page.waitForFunction(
    (id) => !document.querySelector('monitoring-guard')?.shadowRoot?.querySelector(`[data-rule="${id}"]`),
    { timeout: 15_000, polling: 100 },
    rule,
  );
}

/** Selects what a box holds and types over it, as a worker does. */
async function typeOver(page: Page, selector: string, text: string) {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

function shadowClick(page: Page, selector: string) {
  return page.evaluate((css) => {
    (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector(css) as HTMLElement).click();
  }, selector);
}

async function dialogState(page: Page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('monitoring-guard')!.shadowRoot!;
    const dialog = shadow.querySelector('dialog, [role=dialog]') as HTMLDialogElement | null;
    return {
      open: dialog !== null && (dialog.open ?? true),
      text: dialog?.textContent ?? '',
      focused: shadow.activeElement?.getAttribute('data-action') ?? null,
      status: document.getElementById('msg')?.textContent ?? '',
    };
  });
}

describe('live updates', () => {
  it('follows typing and a choice within a second', async () => {
    const page = await openForm();
    try {
      expect(await rulesOf(page)).toEqual(['agreement-on-record', 'dates-valid', 'first-review-due', 'review-attendees']);
      await typeOver(page, '#ma_first_review', '10/07/2026');
      await waitUntilGone(page, 'dates-valid');
      await waitUntilGone(page, 'first-review-due');
      await page.select('#ma_uploaded', 'Y');
      await waitUntilGone(page, 'agreement-on-record');
      expect(await rulesOf(page)).toEqual(['review-attendees']);
      const reading = await readGuard(page);
      expect([reading.errors, reading.warnings, reading.state]).toEqual([0, 1, 'gaps']);
      // Typing a date too late for the first review brings the gap back, with the date it must meet.
      await typeOver(page, '#ma_first_review', '16/07/2026');
      // Wait for the whole date's message: on a loaded machine the guard can check between
      // keystrokes and show the part-typed "16/07/202" as not a real date first.
      await page.waitForFunction(
        () => /no later than/.test(document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-rule="first-review-due"]')?.textContent ?? ''),
        { timeout: 15_000, polling: 100 },
      );
      const gap = (await readGuard(page)).gaps.find((candidate) => candidate.rule === 'first-review-due')!;
      expect(gap.text).toContain('Date of first review must be no later than 15 July 2026');
    } finally {
      await page.close();
    }
  });

  it('takes the worker to the question from the panel', async () => {
    const page = await openForm();
    try {
      await shadowClick(page, '.mg-chip');
      await shadowClick(page, '[data-rule="first-review-due"] .mg-link');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ma_first_review');
    } finally {
      await page.close();
    }
  });
});

describe('on the page', () => {
  it("floats in the browser's top layer, at the bottom right, and leaves the page's controls to the pointer", async () => {
    const page = await openForm();
    try {
      const placed = await page.evaluate(() => {
        const shadow = document.querySelector('monitoring-guard')!.shadowRoot!;
        const panel = shadow.querySelector('.mg') as HTMLElement;
        const chip = (shadow.querySelector('.mg-chip') as HTMLElement).getBoundingClientRect();
        const tag = (shadow.querySelector('.mg-chip .mg-tag') as HTMLElement).getBoundingClientRect();
        const input = document.getElementById('ma_first_review')!;
        input.scrollIntoView({ block: 'center' });
        const field = input.getBoundingClientRect();
        return {
          inTopLayer: panel.matches(':popover-open'),
          gapRight: innerWidth - chip.right,
          gapBottom: innerHeight - chip.bottom,
          tagLines: Math.round(tag.height / 20),
          fieldUnderPointer: document.elementFromPoint(field.left + 2, field.top + 2)?.id,
        };
      });
      expect(placed.inTopLayer).toBe(true);
      expect(placed.gapRight).toBeGreaterThanOrEqual(0);
      expect(placed.gapRight).toBeLessThan(40);
      expect(placed.gapBottom).toBeGreaterThanOrEqual(0);
      expect(placed.gapBottom).toBeLessThan(40);
      // The tag's words on one line (the words read only by screen readers take no room).
      expect(placed.tagLines).toBe(1);
      expect(placed.fieldUnderPointer).toBe('ma_first_review');
    } finally {
      await page.close();
    }
  });
});

describe('before finishing', () => {
  it('never holds back Save', async () => {
    const page = await openForm();
    try {
      await page.click('#btnSave');
      const state = await dialogState(page);
      expect(state.open).toBe(false);
      expect(state.status).toMatch(/^Saved/);
    } finally {
      await page.close();
    }
  });

  it('holds back Finish with errors: the dialog, the focus, go back, finish anyway', async () => {
    const page = await openForm();
    try {
      await page.click('#btnFinish');
      let state = await dialogState(page);
      expect(state.open).toBe(true);
      expect(state.text).toContain('There is a problem');
      expect(state.text).toContain('Date of first review must be a real date');
      expect(state.focused).toBe('go-back');
      expect(state.status).toBe('');

      await page.keyboard.press('Enter');
      state = await dialogState(page);
      expect(state.open).toBe(false);
      expect(state.status).toBe('');

      await page.click('#btnFinish');
      await shadowClick(page, '[data-action="finish-anyway"]');
      state = await dialogState(page);
      expect(state.open).toBe(false);
      expect(state.status).toMatch(/^Step finished/);
    } finally {
      await page.close();
    }
  });

  it('lets Finish through untouched with only warnings', async () => {
    const page = await openForm();
    try {
      await typeOver(page, '#ma_first_review', '10/07/2026');
      await page.select('#ma_uploaded', 'Y');
      // At once, before the guard's own pause: the click itself brings the guard up to date.
      await page.click('#btnFinish');
      const state = await dialogState(page);
      expect(state.open).toBe(false);
      expect(state.status).toMatch(/^Step finished/);
    } finally {
      await page.close();
    }
  });

  it('holds back Finish for an answer made wrong the moment before the click', async () => {
    const page = await openForm();
    try {
      await typeOver(page, '#ma_first_review', '10/07/2026');
      await page.select('#ma_uploaded', 'Y');
      await waitUntilGone(page, 'dates-valid');
      await waitUntilGone(page, 'agreement-on-record');
      // Typed and clicked at once: most of these keys fall while the guard's listener rests.
      await typeOver(page, '#ma_first_review', '31/06/2026');
      await page.click('#btnFinish');
      const state = await dialogState(page);
      expect(state.open).toBe(true);
      expect(state.text).toContain('"31/06/2026" is not a real date');
      expect(state.status).toBe('');
    } finally {
      await page.close();
    }
  });
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  const axe = (page: Page) => axeViolations(page, { include: GUARD_CONTEXT });

  it('finds no violation in the chip, the open panel with its quotes, or the dialog', async () => {
    const page = await openForm();
    try {
      expect(await axe(page)).toEqual([]);
      await shadowClick(page, '.mg-chip');
      await page.evaluate(() => {
        for (const details of document.querySelector('monitoring-guard')!.shadowRoot!.querySelectorAll('details')) details.open = true;
      });
      expect(await axe(page)).toEqual([]);
      await page.click('#btnFinish');
      expect((await dialogState(page)).open).toBe(true);
      expect(await axe(page)).toEqual([]);
      // A control: a button with no name, put into the guard, is found (the scan reaches the shadow root).
      await page.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('.mg-panel')!.append(document.createElement('button')));
      expect((await axe(page)).join()).toContain('button-name');
    } finally {
      await page.close();
    }
  });

  it("finds no violation in the guard of a form in a frame (Mosaic's step editor in an iframe), closed or open", async () => {
    const page = await session.open('iframe-host.html');
    try {
      const frame = await (await page.waitForSelector('iframe#stepFrame'))!.contentFrame();
      await waitForGuard(frame, 15_000);
      const inFrame = guardInFrame('iframe#stepFrame');
      expect(await axeViolations(page, inFrame)).toEqual([]);
      await frame.evaluate(() => {
        const shadow = document.querySelector('monitoring-guard')!.shadowRoot!;
        (shadow.querySelector('.mg-chip') as HTMLElement).click();
      });
      await frame.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('.mg-panel:not([hidden])'), { timeout: 15_000, polling: 100 });
      await frame.evaluate(() => {
        for (const details of document.querySelector('monitoring-guard')!.shadowRoot!.querySelectorAll('details')) details.open = true;
      });
      expect(await axeViolations(page, inFrame)).toEqual([]);
      // The scan does reach into the frame: a button with no name put into the frame's guard is found.
      await frame.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('.mg-panel')!.append(document.createElement('button')));
      expect((await axeViolations(page, inFrame)).join()).toContain('button-name');
    } finally {
      await page.close();
    }
  });
});
