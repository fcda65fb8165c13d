/**
 * Trying hard to break it, in Chromium with the built extension: the page's own handlers run as
 * they would without the guard; hostile answers are shown only as text; the service worker is
 * stopped in the middle of a run of tracking messages and nothing acknowledged is lost; two tabs
 * save the same agreement at once; the extension is reloaded under an open form with its dialog up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { decodeSummary, listEntry } from '../../lib/tracker/summary';
import type { StoredAgreement, StoredSummary } from '../../lib/tracker/db';
import { TRACKER_CHANGED } from '../../lib/tracker/notify';
import { extensionId, launchWithExtension } from '../support/browser';
import { FIXTURES_DIR } from '../support/fixtures';
import { readGuard, waitForGuard } from '../support/guard-probe';
import { recordReliability } from '../support/reliability';
import { serveDirectory, type StaticServer } from '../support/server';

let browser: Browser;
let guarded: StaticServer;
/** The same pages where the demo build's guard does not run. */
let unguarded: StaticServer;
let popupUrl: string;

beforeAll(async () => {
  guarded = await serveDirectory(FIXTURES_DIR);
  unguarded = await serveDirectory(FIXTURES_DIR, 0, '127.0.0.2');
  browser = await launchWithExtension();
  popupUrl = `chrome-extension://${await extensionId(browser)}/popup.html`;
});

afterAll(async () => {
  await browser?.close();
  await guarded?.close();
  await unguarded?.close();
});

/** The extension API as extension pages and the worker have it (the tests' Node side has no types for it). */
type ExtensionApi = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown>; reload(): void } } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(server: StaticServer, file: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/${file}`, { waitUntil: 'load' });
  return page;
}

/** An extension page, to reach the tracker's database and the background as the popup does. */
async function extensionPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(popupUrl, { waitUntil: 'load' });
  // Once the popup has drawn its list, the database exists at its current version (a raw open
  // before that would create an empty one).
  await page.waitForFunction(() => performance.getEntriesByName('monitoring-guard:popup-rendered').length > 0, { timeout: 10_000, polling: 100 });
  return page;
}

/** The tracker as stored: every entry, and the list kept beside them. */
async function readTracker(page: Page): Promise<{ agreements: StoredAgreement[]; summary: StoredSummary | undefined }> {
  return page.evaluate(async () => {
    const request = indexedDB.open('monitoring-guard-tracker');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T,>(store: string, get: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        const r = get(db.transaction(store).objectStore(store));
        r.onsuccess = () => resolve(r.result as T);
        r.onerror = () => reject(r.error);
      });
    const agreements = await read<StoredAgreement[]>('agreements', (s) => s.getAll());
    const summary = await read<StoredSummary | undefined>('summary', (s) => s.get('list'));
    db.close();
    return { agreements, summary };
  });
}

async function clearTracker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const request = indexedDB.open('monitoring-guard-tracker');
    const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)));
    const transaction = db.transaction(['agreements', 'summary'], 'readwrite');
    transaction.objectStore('agreements').clear();
    transaction.objectStore('summary').clear();
    await new Promise((resolve) => (transaction.oncomplete = resolve));
    db.close();
  });
}

/** The list kept beside the entries must say exactly what the entries say. */
function expectConsistent(state: { agreements: StoredAgreement[]; summary: StoredSummary | undefined }) {
  const byKey = <T extends { key: string }>(items: T[]) => [...items].sort((a, b) => a.key.localeCompare(b.key));
  for (const agreement of state.agreements) {
    const dates = agreement.reviews.map((review) => review.date);
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(agreement.key).toBe(`${agreement.personId}|${agreement.startDate}`);
  }
  const listed = decodeSummary(state.summary);
  expect(listed).not.toBeNull();
  expect(byKey(listed!)).toEqual(byKey(state.agreements.map(listEntry)));
}

const isWorker = (candidate: { type(): string; url(): string }) => candidate.type() === 'service_worker' && candidate.url().endsWith('background.js');

/** Stops the background service worker as Chrome does when it is idle (it starts again on the next message). */
async function stopServiceWorker(): Promise<boolean> {
  const target = browser.targets().find(isWorker);
  if (!target) return false;
  try {
    const worker = await target.worker();
    await worker?.close();
  } catch {
    // Puppeteer may fail to detach from a worker it has just closed.
  }
  return true;
}

/**
 * Runs a function in the background service worker, woken first by a message from an extension
 * page, through a debugging session of its own. A worker that was stopped and started again keeps
 * its target, but puppeteer's handle on it can be left without a context ("detached"), so each
 * call attaches afresh and tries again until the worker answers.
 */
async function inWorker(extension: Page, run: () => void): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 30; attempt++) {
    await extension.evaluate((type) => (globalThis as unknown as ExtensionApi).chrome.runtime.sendMessage({ type }), TRACKER_CHANGED).catch(() => undefined);
    for (const target of browser.targets().filter(isWorker).reverse()) {
      let session: CDPSession | undefined;
      try {
        session = await target.createCDPSession();
        const { exceptionDetails } = await session.send('Runtime.evaluate', { expression: `(${run.toString()})()` });
        if (!exceptionDetails) return;
        last = new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      } catch (error) {
        last = error; // Stopped, or not yet attached: try the next, then wake it again.
      } finally {
        await session?.detach().catch(() => undefined);
      }
    }
    await sleep(100);
  }
  throw new Error('The background service worker could not be reached in 30 tries.', { cause: last });
}

describe("never break Mosaic", () => {
  it("runs the page's own click, input, change and submit handlers exactly as without the guard", async () => {
    /** The same worker's session on the page, its events as the page's own listeners see them. */
    async function session(server: StaticServer): Promise<string[]> {
      const page = await open(server, 'step-editor-window-agreement.html');
      try {
        if (server === guarded) await waitForGuard(page);
        await page.evaluate(() => {
          const seen: string[] = [];
          (window as unknown as { seen: string[] }).seen = seen;
          for (const type of ['click', 'input', 'change', 'submit', 'keydown']) {
            document.addEventListener(type, (event) => {
              const target = event.target as Element;
              // The guard's own chip and dialog are not the page's.
              if (target.closest?.('monitoring-guard')) return;
              seen.push(`${type}:${target.id || target.tagName}`);
            });
          }
          document.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
        });
        await page.type('#ma_first_review', '1');
        await page.select('#ma_uploaded', 'Y');
        await page.click('#btnSave');
        await page.click('#addActionRow');
        await page.click('#btnFinish');
        // With the guard, Finish is held for the errors: the worker chooses to finish anyway.
        if (server === guarded) {
          await page.evaluate(() => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-action="finish-anyway"]') as HTMLElement).click());
        }
        await page.evaluate(() => (document.querySelector('form') as HTMLFormElement | null)?.requestSubmit());
        const status = await page.$eval('#msg', (element) => element.textContent ?? '');
        const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
        return [...seen, `status:${status.replace(/\d\d:\d\d$/, '')}`];
      } finally {
        await page.close();
      }
    }
    const withGuard = await session(guarded);
    const without = await session(unguarded);
    expect(withGuard).toEqual(without);
    expect(without).toContain('click:btnFinish');
    expect(without.at(-1)).toBe('status:Step finished ');
  });

  it('shows hostile answers only as text: in the panel, the dialog and the popup, nothing runs', async ({ task }) => {
    // Five answers look like markup or script; the one the guard quotes (an answer it does not know) is shown in the panel and the dialog.
    const page = await open(guarded, 'reliability/hostile-review.html');
    try {
      await waitForGuard(page);
      await page.evaluate(() => (document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('.mg-chip') as HTMLElement).click());
      await page.click('#save');
      await page.click('#finish');
      const shadow = await page.evaluate(() => {
        const root = document.querySelector('monitoring-guard')!.shadowRoot!;
        return {
          text: root.textContent ?? '',
          dialog: root.querySelector('dialog')?.textContent ?? '',
          markup: root.querySelectorAll('img, script, svg, iframe, b').length,
        };
      });
      expect(shadow.text).toContain(`The answer '<img src=x onerror="window.__mgRan='outcome'">' to 'Outcome' is not one the guard knows`);
      expect(shadow.dialog).toContain(`<img src=x onerror="window.__mgRan='outcome'">`);
      expect(shadow.markup).toBe(0);
      const reading = await readGuard(page);
      expect(reading.personId).toBe('8800099');
      await sleep(500);
      expect(await page.evaluate(() => (window as unknown as { __mgRan?: string }).__mgRan ?? null)).toBeNull();

      // Saved: the tracker holds the ID and dates only; the popup shows them, and nothing else.
      const popup = await extensionPage();
      try {
        await popup.waitForSelector('[data-person-id="8800099"]', { timeout: 15_000 });
        const found = await popup.evaluate(() => ({
          ran: (window as unknown as { __mgRan?: string }).__mgRan ?? null,
          markup: document.querySelectorAll('img, script:not([src]), svg, iframe').length,
          text: document.body.textContent ?? '',
        }));
        expect(found).toMatchObject({ ran: null, markup: 0 });
        expect(found.text).not.toContain('__mgRan');
      } finally {
        await popup.close();
      }
      recordReliability(task, { hostileInputs: 5 });
    } finally {
      await page.close();
    }
  });
});

describe('never lose a tracked review', () => {
  it('keeps every acknowledged write when the service worker is stopped in the middle of a run', async ({ task }) => {
    const page = await extensionPage();
    let stops = 0;
    let checked = 0;
    let lost = 0;
    try {
      for (let round = 0; round < 3; round++) {
        await clearTracker(page);
        // Ten agreements, each with three reviews, sent as the guard sends them.
        const messages: unknown[] = [];
        for (let person = 0; person < 10; person++) {
          const personId = String(7_700_000 + round * 100 + person);
          messages.push({ type: 'track-agreement', personId, startDate: '2026-09-01', endDate: '2027-02-28', firstReviewDate: '2026-09-28', frequency: 'monthly', source: 'save' });
          for (const [index, date] of ['2026-09-28', '2026-10-26', '2026-11-23'].entries()) {
            messages.push({
              type: 'track-review', personId, agreementStartDate: '2026-09-01', agreementEndDate: '2027-02-28', reviewDate: date,
              outcome: 'continue', nextReviewDate: index === 2 ? '2026-12-21' : null, source: 'save',
            });
          }
        }
        const sending = page.evaluate(async (all) => {
          const replies: boolean[] = [];
          for (const message of all) {
            try {
              const reply = (await (globalThis as unknown as ExtensionApi).chrome.runtime.sendMessage(message)) as { ok?: boolean } | undefined;
              replies.push(reply?.ok === true);
            } catch {
              // The worker was stopped before it answered: the sender is told it failed.
              replies.push(false);
            }
            await new Promise((resolve) => setTimeout(resolve, 3));
          }
          return replies;
        }, messages);
        // Stop the worker three times while the messages go.
        for (let stop = 0; stop < 3; stop++) {
          await sleep(30 + stop * 45 + round * 10);
          if (await stopServiceWorker()) stops++;
        }
        const replies = await sending;
        const state = await readTracker(page);
        expectConsistent(state);
        const held = new Map(state.agreements.map((agreement) => [agreement.personId, agreement]));
        messages.forEach((raw, index) => {
          if (!replies[index]) return;
          const message = raw as { type: string; personId: string; reviewDate?: string };
          checked++;
          const agreement = held.get(message.personId);
          const present = message.type === 'track-agreement'
            ? agreement?.firstReviewDate === '2026-09-28'
            : agreement?.reviews.some((review) => review.date === message.reviewDate) === true;
          if (!present) lost++;
        });
      }
      expect(stops).toBeGreaterThan(0);
      expect(checked).toBeGreaterThan(0);
      expect(lost).toBe(0);
      recordReliability(task, { faults: { 'service worker stopped mid-sequence': stops }, entriesChecked: checked, entriesLost: lost });
    } finally {
      await page.close();
    }
  });

  it('ends with one entry holding both updates when two tabs save the same agreement at once', async ({ task }) => {
    const tracker = await extensionPage();
    let rounds = 0;
    try {
      for (let round = 0; round < 4; round++) {
        await clearTracker(tracker);
        const agreement = await open(guarded, 'tracking/agreement.html');
        const review = await open(guarded, 'tracking/review-continue.html');
        await Promise.all([waitForGuard(agreement), waitForGuard(review)]);
        // At once: clicked in each page's own script (a tab in the background draws no frames, so
        // puppeteer's mouse could not click it).
        await Promise.all([agreement.$eval('#save', (save) => (save as HTMLElement).click()), review.$eval('#save', (save) => (save as HTMLElement).click())]);
        await tracker.waitForFunction(
          async () => {
            const request = indexedDB.open('monitoring-guard-tracker');
            const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)));
            const all: Array<{ firstReviewDate: string | null; reviews: unknown[] }> = await new Promise((resolve) => {
              const r = db.transaction('agreements').objectStore('agreements').getAll();
              r.onsuccess = () => resolve(r.result);
            });
            db.close();
            return all.length === 1 && all[0]!.firstReviewDate !== null && all[0]!.reviews.length === 1;
          },
          { timeout: 5000, polling: 100 },
        );
        const state = await readTracker(tracker);
        expectConsistent(state);
        expect(state.agreements).toHaveLength(1);
        expect(state.agreements[0]).toMatchObject({
          key: '8800001|2026-10-01', endDate: '2027-03-31', firstReviewDate: '2026-10-25',
          reviews: [expect.objectContaining({ date: '2026-11-20', outcome: 'continue', nextReviewDate: '2027-01-15' })],
        });
        await agreement.close();
        await review.close();
        rounds++;
      }
      recordReliability(task, { faults: { 'two tabs saving one agreement at once': rounds }, entriesChecked: rounds * 2 });
    } finally {
      await tracker.close();
    }
  });
});

describe('storage that fails', () => {
  it('tells the worker plainly in the panel and the popup, and keeps what the tracker had', async ({ task }) => {
    const tracker = await extensionPage();
    const first = await open(guarded, 'tracking/agreement.html');
    const second = await open(guarded, 'tracking/review-continue.html');
    try {
      await clearTracker(tracker);
      await waitForGuard(first);
      await first.$eval('#save', (save) => (save as HTMLElement).click());
      await first
        .waitForFunction(() => /In the review tracker/.test(document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-tracking]')?.textContent ?? ''), { timeout: 15_000, polling: 100 })
        .catch(async (error: unknown) => {
          // It timed out (within 5 s then) on a busy machine: the page was a tab behind another, where
          // requestAnimationFrame, puppeteer's default polling, never runs; it polls every 100 ms now. A
          // failure says what the guard showed instead.
          const shown = await first.evaluate(() => document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-tracking]')?.textContent ?? 'no tracking note');
          throw new Error(`The save was not tracked within 15 s; the guard shows: ${shown}`, { cause: error });
        });
      const before = await readTracker(tracker);
      expect(before.agreements).toHaveLength(1);

      // The disk is full: every IndexedDB write in the background fails as it would.
      await inWorker(tracker, () => {
        const store = IDBObjectStore.prototype as unknown as Record<string, unknown>;
        const full = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        (globalThis as unknown as { mgSaved: unknown[] }).mgSaved = [store.put, store.add];
        store.put = full;
        store.add = full;
      });
      await waitForGuard(second);
      await second.$eval('#save', (save) => (save as HTMLElement).click());
      await second.waitForFunction(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('[data-tracking-outside]'), { timeout: 15_000, polling: 100 });
      const note = await second.evaluate(() => document.querySelector('monitoring-guard')!.shadowRoot!.querySelector('[data-tracking-outside]')!.textContent ?? '');
      expect(note).toContain('Not tracked The review tracker could not be updated: the storage on this computer is full. Nothing already tracked has been lost.');
      await inWorker(tracker, () => {
        const store = IDBObjectStore.prototype as unknown as Record<string, unknown>;
        [store.put, store.add] = (globalThis as unknown as { mgSaved: unknown[] }).mgSaved;
      });
      expect(await readTracker(tracker)).toEqual(before);

      // IndexedDB cannot be opened at all where the popup runs.
      const popup = await browser.newPage();
      try {
        await popup.evaluateOnNewDocument(() => {
          IDBFactory.prototype.open = () => {
            throw new DOMException('IndexedDB is not available here.', 'InvalidStateError');
          };
        });
        await popup.goto(popupUrl, { waitUntil: 'load' });
        await popup.waitForFunction(() => /could not be read/.test(document.body.textContent ?? ''), { timeout: 15_000, polling: 100 });
        const text = await popup.evaluate(() => (document.body.textContent ?? '').replace(/\s+/g, ' '));
        expect(text).toContain('The review tracker could not be read: the browser did not let the extension open its storage. Nothing has been deleted.');
      } finally {
        await popup.close();
      }
      expect(await readTracker(tracker)).toEqual(before);
      recordReliability(task, { faults: { 'storage full in the browser': 1, 'IndexedDB unavailable in the popup': 1 }, entriesChecked: before.agreements.length, entriesLost: 0 });
    } finally {
      await first.close();
      await second.close();
      await tracker.close();
    }
  });
});

describe('the extension updated or reloaded under an open form', () => {
  it('takes the guard and its dialog off the page, and lets Finish through', async ({ task }) => {
    // An extension page to wake the worker with; it closes as the extension reloads.
    const extension = await extensionPage();
    const page = await open(guarded, 'step-editor-window-agreement.html');
    try {
      await waitForGuard(page);
      await page.click('#btnFinish');
      expect(await page.evaluate(() => !!document.querySelector('monitoring-guard')?.shadowRoot?.querySelector('dialog'))).toBe(true);
      // Just after the worker has answered: as it reloads, its session goes.
      await inWorker(extension, () => {
        setTimeout(() => (globalThis as unknown as ExtensionApi).chrome.runtime.reload(), 0);
      });
      await page.waitForFunction(() => document.querySelector('monitoring-guard') === null, { timeout: 6000, polling: 50 });
      await page.click('#btnFinish');
      expect(await page.$eval('#msg', (element) => element.textContent ?? '')).toMatch(/^Step finished/);
      await page.click('#btnSave');
      expect(await page.$eval('#msg', (element) => element.textContent ?? '')).toMatch(/^Saved/);
      recordReliability(task, { faults: { 'extension reloaded under an open form': 1 } });
    } finally {
      await page.close();
      if (!extension.isClosed()) await extension.close().catch(() => undefined);
    }
  });
});
