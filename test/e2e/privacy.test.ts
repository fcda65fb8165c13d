/**
 * Nothing leaves the computer: every network request of a full session (forms scanned and checked,
 * Finish held back and let through, agreements tracked, the popup and the options page) is
 * recorded, from the pages, their frames and the extension's service worker, and none goes
 * anywhere but the sample pages being read and the extension's own files.
 */
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page, Target } from 'puppeteer-core';
import { extensionId } from '../support/browser';
import { waitForGuard } from '../support/guard-probe';
import { useBrowserSession } from '../support/session';

const session = useBrowserSession();

describe('privacy', () => {
  it('makes no network request of its own in a full session', async () => {
    const { browser, server } = session;
    const requests: string[] = [];
    const sessions: CDPSession[] = [];
    const watch = async (target: Target) => {
      if (!['page', 'service_worker', 'background_page', 'other', 'iframe'].includes(target.type())) return;
      try {
        const cdp = await target.createCDPSession();
        sessions.push(cdp);
        cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => requests.push(event.request.url));
        await cdp.send('Network.enable');
      } catch {
        // A target that closed before it could be watched.
      }
    };
    for (const target of browser.targets()) await watch(target);
    browser.on('targetcreated', (target: Target) => void watch(target));
    const id = await extensionId(browser);

    const visit = async (file: string, act: (page: Page) => Promise<void>) => {
      const page = await session.open(file);
      await waitForGuard(page);
      await act(page);
      await new Promise((resolve) => setTimeout(resolve, 700));
      await page.close();
    };
    await visit('step-editor-window-agreement.html', async (page) => {
      await page.type('#ma_first_review', '1');
      await page.click('#btnSave');
      await page.click('#btnFinish');
      await page.evaluate(() => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-action="finish-anyway"]') as HTMLElement).click());
    });
    await visit('readonly-agreement.html', async () => undefined);
    await visit('tracking/review-continue.html', async (page) => page.click('#save'));
    const iframe = await session.open('iframe-host.html');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await iframe.close();
    for (const path of ['popup.html', 'options.html']) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${id}/${path}`, { waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 700));
      await page.close();
    }

    // The sample pages being read, the extension's own files, and the browser's own internal pages
    // (chrome://, which are not network requests) are all that may appear.
    const allowed = (url: string) =>
      url.startsWith(`${server.url}/`) ||
      url.startsWith(`chrome-extension://${id}/`) ||
      /^(data|blob|about|chrome|chrome-untrusted|devtools):/.test(url);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !allowed(url))).toEqual([]);

    // A control: a request to anywhere else (here another loopback port, which refuses it) is seen.
    const control = await session.open('worklist.html');
    await control.evaluate(() => fetch('http://127.0.0.1:9/control').catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await control.close();
    expect(requests.filter((url) => !allowed(url))).toEqual(['http://127.0.0.1:9/control']);
    for (const cdp of sessions) await cdp.detach().catch(() => undefined);
  });
});
