/**
 * The built extension (npm run build:demo) in Chromium, on every fixture page: the form's kind
 * and person ID on exactly one `<monitoring-guard>` per document that holds a form, none
 * elsewhere, and the guard following the page as it changes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { expectedRules, loadFixtures, type ExpectedForm } from '../support/fixtures';
import { readGuard, settle, waitForGuard } from '../support/guard-probe';
import { useBrowserSession } from '../support/session';

const session = useBrowserSession();
const openPage = (file: string) => session.open(file);

function expectRecognised(reading: Awaited<ReturnType<typeof readGuard>>, form: ExpectedForm, rulesKey: string) {
  expect(reading.count).toBe(1);
  expect(reading.kind).toBe(form.kind);
  expect(reading.personId).toBe(form.personId);
  // Exactly the catalogue's gaps for this page, each counted once in the attributes.
  expect([...new Set(reading.gaps.map((gap) => gap.rule))].sort()).toEqual(expectedRules(rulesKey));
  const errors = reading.gaps.filter((gap) => gap.severity === 'error').length;
  const warnings = reading.gaps.filter((gap) => gap.severity === 'warning').length;
  expect(errors + warnings).toBe(reading.gaps.length);
  expect([reading.errors, reading.warnings]).toEqual([errors, warnings]);
  expect(reading.state).toBe(errors + warnings > 0 ? 'gaps' : 'complete');
}

describe('recognition on every fixture page', () => {
  for (const fixture of loadFixtures()) {
    if (fixture.expected.frameOf) continue;
    it(`${fixture.file}`, async () => {
      const page = await openPage(fixture.file);
      try {
        const form = fixture.expected.form ?? null;
        if (form) {
          await waitForGuard(page);
          // Pages that add their sections by script: wait until they have.
          const reading = fixture.html.includes('setTimeout') ? await settle(page, 1500) : await readGuard(page);
          expectRecognised(reading, form, fixture.file);
        } else {
          expect((await settle(page)).count).toBe(0);
        }
        for (const [src, frameForm] of Object.entries(fixture.expected.frames ?? {})) {
          const frame = page.frames().find((candidate) => candidate.url().endsWith(`/${src}`));
          expect(frame, `frame ${src}`).toBeDefined();
          await waitForGuard(frame!);
          expectRecognised(await readGuard(frame!), frameForm, `${fixture.file}#${src}`);
        }
      } finally {
        await page.close();
      }
    });
  }
});

describe('the guard follows the page', () => {
  it('opens the step editor window from the work list and guards it', async () => {
    const page = await openPage('step-editor-launcher.html');
    try {
      const opened = new Promise<Page>((resolve) =>
        session.browser.once('targetcreated', async (target) => resolve((await target.page())!)),
      );
      await page.evaluate(() => {
        const resume = Array.from(document.querySelectorAll('button, a')).find((element) => /resume/i.test(element.textContent ?? ''));
        (resume as HTMLElement).click();
      });
      const editor = await opened;
      await editor.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000, polling: 100 });
      const reading = await waitForGuard(editor);
      expect(reading.kind).toBe('agreement');
      expect(reading.count).toBe(1);
      expect((await readGuard(page)).count).toBe(0);
      await editor.close();
    } finally {
      await page.close();
    }
  });

  it('reads sections as they are opened, within a second', async () => {
    const page = await openPage('sections-agreement.html');
    try {
      const before = await waitForGuard(page);
      await page.click('[role=tab][data-section=consent]');
      await page.waitForFunction(
        (previous) => Number(document.querySelector('monitoring-guard')?.getAttribute('data-errors')) < previous,
        { timeout: 15_000, polling: 100 },
        before.errors!,
      );
      const after = await readGuard(page);
      expect(after.gaps.map((gap) => gap.field)).not.toContain('gillickCompetent');
      expect(after.gaps.map((gap) => gap.field)).toContain('firstReviewDate');
    } finally {
      await page.close();
    }
  });

  it('keeps the answers of sections the page takes away, and is never complete before every section was shown', async () => {
    const page = await openPage('sections-away-agreement.html');
    const unread = () =>
      page.evaluate(() =>
        Array.from(document.querySelector('monitoring-guard')?.shadowRoot?.querySelectorAll('[data-group=section] .mg-group-message') ?? [], (item) =>
          (item.textContent ?? '').replace(/ — .*/, ''),
        ),
      );
    try {
      await waitForGuard(page);
      expect(await unread()).toEqual(['Not checked yet: open Consent', 'Not checked yet: open Action plan', 'Not checked yet: open Review']);
      for (const [section, left] of [['consent', 2], ['actionPlan', 1], ['review', 0]] as const) {
        await page.click(`nav.sections button[data-section=${section}]`);
        // A state, not a time: the section's group leaves the panel (generous bound for a busy machine).
        await page.waitForFunction(
          (count) => document.querySelector('monitoring-guard')?.shadowRoot?.querySelectorAll('[data-group=section]').length === count,
          { timeout: 10_000, polling: 100 },
          left,
        );
        const reading = await readGuard(page);
        // The Agreement section is out of the page; its answers still stand.
        expect(reading.gaps.map((gap) => gap.field)).not.toContain('agreementStartDate');
      }
      expect(await unread()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('removes the guard when the form goes away, and brings it back when it returns', async () => {
    const page = await openPage('step-editor-decision.html');
    try {
      await waitForGuard(page);
      const form = await page.evaluate(() => {
        const main = document.querySelector('form') ?? document.body;
        const html = main.innerHTML;
        main.innerHTML = '<p>Loading…</p>';
        return html;
      });
      await page.waitForFunction(() => !document.querySelector('monitoring-guard'), { timeout: 15_000, polling: 100 });
      await page.evaluate((html) => {
        (document.querySelector('form') ?? document.body).innerHTML = html;
      }, form);
      const reading = await waitForGuard(page, 1000);
      expect(reading.kind).toBe('decision');
      expect(reading.count).toBe(1);
    } finally {
      await page.close();
    }
  });
});
