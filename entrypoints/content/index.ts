import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { FirstStage, titlesOf } from '../../lib/guard/first-stage';
import { ACTIVE_PROFILES_KEY } from '../../lib/platform/storage-keys';
import { handover, setHandover, startPart } from '../../lib/platform/guard-loading';
import type { FitFormMessage } from '../../lib/platform/fit-target';

/**
 * The guard's first stage (lib/guard/first-stage.ts), in every frame of a Mosaic page and the
 * step editor's own window: it looks for the forms' titles and, where one shows, has the
 * background run the whole guard (entrypoints/guard.ts) in this frame. A plain build registers it
 * on no host; `npm run build:demo` registers it on localhost (wxt.config.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    // What the second stage finds here: whether the extension is still there, and when it goes.
    setHandover({ isValid: () => ctx.isValid, onInvalidated: (callback) => ctx.onInvalidated(callback) });
    const start = async (): Promise<void> => {
      if (!ctx.isValid) throw new Error('the extension was updated or reloaded: reload the page');
      await startPart('guard', (message) => browser.runtime.sendMessage(message));
      // The second stage, run, leaves its side of the hand-over.
      if (!handover()?.openFitting) throw new Error('the guard did not start in this frame');
    };
    const stage = new FirstStage(document, { start });
    // The popup's "Fit a form on this page", sent to this frame: the guard is started for it.
    const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => {
      if (sender.id !== browser.runtime.id || (message as FitFormMessage)?.type !== 'fit-form') return undefined;
      const kind = (message as FitFormMessage).kind;
      void stage
        .startNow(kind)
        .then(async (started) => started && ((await handover()?.openFitting?.(kind)) ?? false))
        .then((ok) => sendResponse({ ok }), () => sendResponse({ ok: false }));
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // The titles of the form profiles in use (a council's form may have a title of its own).
    let reads = 0;
    const load = async () => {
      const read = ++reads;
      const stored = await browser.storage.local.get(ACTIVE_PROFILES_KEY);
      if (ctx.isValid && read === reads) stage.setTitles(titlesOf(stored[ACTIVE_PROFILES_KEY]));
    };
    void load()
      .catch(() => stage.setTitles(titlesOf(undefined)))
      .finally(() => {
        if (ctx.isValid) stage.watch();
      });
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ACTIVE_PROFILES_KEY in changes) void load().catch(() => undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    ctx.onInvalidated(() => {
      stage.stop();
      browser.storage.onChanged.removeListener(onChanged);
      browser.runtime.onMessage.removeListener(onMessage);
    });
    // Asking ctx.isValid is what notices the extension has gone (it runs the onInvalidated callbacks).
    ctx.setInterval(() => undefined, 2000);
  },
});
