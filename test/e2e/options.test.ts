/**
 * The options page in Chromium: no accessibility violations, and a setting saved there reaches
 * the guard in an open page at once (a manager's sign-off checklist).
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { extensionId } from '../support/browser';
import { waitForGuard } from '../support/guard-probe';
import { useBrowserSession } from '../support/session';

const session = useBrowserSession();

describe('the options page', () => {
  it('has no accessibility violations (axe-core, WCAG 2.2 AA)', async () => {
    const page = await session.browser.newPage();
    await page.goto(`chrome-extension://${await extensionId(session.browser)}/options.html`, { waitUntil: 'load' });
    await page.waitForSelector('#role-manager');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('saves the role, and an open form becomes a sign-off checklist without a reload', async () => {
    const form = await session.open('step-editor-window-agreement.html');
    await waitForGuard(form);
    const checklist = () => form.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelectorAll('[data-check]').length);
    expect(await checklist()).toBe(0);

    const options = await session.browser.newPage();
    await options.goto(`chrome-extension://${await extensionId(session.browser)}/options.html`, { waitUntil: 'load' });
    await options.waitForSelector('#role-manager');
    await options.click('#role-manager');
    await options.evaluate(() => (Array.from(document.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Save settings') as HTMLElement).click());
    await options.waitForFunction(() => /Your settings have been saved/.test(document.body.textContent ?? ''), { timeout: 15_000, polling: 100 });
    await options.close();

    await form.waitForFunction(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelectorAll('[data-check]').length > 0, { timeout: 15_000, polling: 100 });
    expect(await checklist()).toBeGreaterThan(10);
    await form.close();
  });
});
