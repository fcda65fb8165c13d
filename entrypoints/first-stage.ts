import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FirstStage, titlesOf } from '../lib/guard/first-stage';
import { ACTIVE_PROFILES_KEY } from '../lib/platform/storage-keys';
import { handover, setHandover, startPart } from '../lib/platform/guard-loading';
import type { FitFormMessage } from '../lib/platform/fit-target';

/** How often an open page looks whether the extension is still there (updated or reloaded under it), in ms. */
const STILL_THERE_EVERY = 2000;

/**
 * The guard's first stage (lib/guard/first-stage.ts), in every frame of a Mosaic page and the
 * step editor's own window: it looks for the forms' titles and, where one shows, has the
 * background run the whole guard (entrypoints/guard.ts) in this frame. The background registers
 * it (lib/platform/hosts.ts: CONTENT_SCRIPT_FILE) on the Mosaic addresses allowed, and
 * `npm run build:demo` on localhost (wxt.config.ts). A plain script rather than WXT's content
 * script, whose context costs every page more than this stage's own work.
 */
export default defineUnlistedScript(() => {
  // Run twice in one frame (registered twice for a moment while addresses change): once is enough.
  // (One left by an extension since updated or reloaded has gone, and this takes its place.)
  if (handover()?.isValid()) return;
  let valid = true;
  const isValid = () => {
    // An extension updated or reloaded under the page leaves this script without its runtime.
    if (valid && !browser.runtime?.id) {
      valid = false;
      for (const callback of invalidated.splice(0)) callback();
      clearInterval(timer);
    }
    return valid;
  };
  const invalidated: Array<() => void> = [];
  const timer = setInterval(isValid, STILL_THERE_EVERY);
  const onInvalidated = (callback: () => void) => void invalidated.push(callback);
  // What the second stage finds here: whether the extension is still there, and when it goes.
  setHandover({ isValid, onInvalidated });
  const start = async (): Promise<void> => {
    if (!isValid()) throw new Error('the extension was updated or reloaded: reload the page');
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
    if (isValid() && read === reads) stage.setTitles(titlesOf(stored[ACTIVE_PROFILES_KEY]));
  };
  void load()
    .catch(() => stage.setTitles(titlesOf(undefined)))
    .finally(() => {
      if (isValid()) stage.watch();
    });
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && ACTIVE_PROFILES_KEY in changes) void load().catch(() => undefined);
  };
  browser.storage.onChanged.addListener(onChanged);
  onInvalidated(() => {
    stage.stop();
    browser.storage.onChanged.removeListener(onChanged);
    browser.runtime.onMessage.removeListener(onMessage);
  });
});
