/**
 * The guard in two stages, in Chromium with the built extension: the first stage (the content
 * script) runs on every page and loads nothing more where none of the forms' titles shows; where
 * one shows (a form, or a work list naming one), the background runs the whole guard (guard.js)
 * in that frame, even when it was asleep; and where the whole guard cannot be loaded, a page with
 * a form says so.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { axeViolations } from '../support/axe';
import { EXTENSION_DIR, launchChromium } from '../support/browser';
import { FIXTURES_DIR } from '../support/fixtures';
import { readGuard, waitForGuard } from '../support/guard-probe';
import { serveDirectory } from '../support/server';
import { useBrowserSession } from '../support/session';

const session = useBrowserSession();

/** Opens a fixture page, noting each of the extension's scripts that runs in it (any frame) by file name. */
async function openNoting(browser: Browser, url: string): Promise<{ page: Page; scripts: Set<string> }> {
  const page = await browser.newPage();
  const scripts = new Set<string>();
  const cdp = await page.createCDPSession();
  cdp.on('Debugger.scriptParsed', (event: { url: string }) => {
    if (event.url.startsWith('chrome-extension://')) scripts.add(new URL(event.url).pathname);
  });
  await cdp.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });
  return { page, scripts };
}

const isWorker = (candidate: { type(): string; url(): string }) => candidate.type() === 'service_worker' && candidate.url().endsWith('background.js');

describe('the first stage', () => {
  it("loads no more than itself on a page that shows none of the forms' titles (a placement plan)", async () => {
    const { page, scripts } = await openNoting(session.browser, `${session.server.url}/other-form-placement-plan.html`);
    try {
      await page.waitForFunction(() => document.readyState === 'complete', { polling: 100 });
      // The first stage has run (it is what could start the guard) …
      const started = Date.now();
      while (!scripts.has('/first-stage.js') && Date.now() - started < 15_000) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(scripts.has('/first-stage.js')).toBe(true);
      // … and, after the page has been still a while (the absence can only be seen by waiting), nothing more.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(scripts.has('/guard.js')).toBe(false);
      expect((await readGuard(page)).count).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('has the whole guard run where a form shows', async () => {
    const { page, scripts } = await openNoting(session.browser, `${session.server.url}/step-editor-window-agreement.html`);
    try {
      expect((await waitForGuard(page, 15_000)).kind).toBe('agreement');
      expect(scripts.has('/guard.js')).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('starts the guard when the background was asleep (stopped, as Chrome stops it when idle)', async () => {
    const target = session.browser.targets().find(isWorker);
    expect(target).toBeDefined();
    try {
      await (await target!.worker())?.close();
    } catch {
      // Puppeteer may fail to detach from a worker it has just closed.
    }
    const page = await session.open('step-editor-window-agreement.html');
    try {
      const reading = await waitForGuard(page, 15_000);
      expect(reading).toMatchObject({ count: 1, kind: 'agreement' });
    } finally {
      await page.close();
    }
  });
});

describe('where the whole guard cannot be loaded', () => {
  it('says "Monitoring Guard could not start on this page", as an error, where a form shows', async () => {
    // The built extension without its second stage.
    const folder = mkdtempSync(join(tmpdir(), 'mg-no-guard-'));
    cpSync(EXTENSION_DIR, folder, { recursive: true });
    rmSync(join(folder, 'guard.js'));
    const server = await serveDirectory(FIXTURES_DIR);
    const browser = await launchChromium({ extension: true, extensionDir: folder });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/step-editor-window-agreement.html`, { waitUntil: 'load' });
      const reading = await waitForGuard(page, 15_000);
      expect(reading).toMatchObject({ count: 1, kind: 'agreement', state: 'gaps', errors: 1 });
      const text = await page.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[role=alert]')!.textContent);
      expect(text).toContain('Monitoring Guard could not start on this page');
      expect(text).toContain('check it yourself');
      expect(await axeViolations(page, { include: { fromShadowDom: ['monitoring-guard', '.mg-start-failed'] } })).toEqual([]);
      // A page without the forms still gets nothing.
      await page.goto(`${server.url}/other-form-placement-plan.html`, { waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await readGuard(page)).count).toBe(0);
    } finally {
      await browser.close();
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
