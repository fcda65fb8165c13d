import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { builtInProfiles } from '../../lib/forms/profiles';
import { FORM_KINDS } from '../../lib/model/vocabulary';
import { usableProfiles } from '../../lib/platform/usable-profiles';
import { ACTIVE_PROFILES_KEY, loadEffectiveSettings, onSettingsChanged } from '../../lib/platform/settings-store';
import { trackerClient } from '../../lib/tracker/client';
import { Guard } from '../../lib/guard/guard';
import type { FitFormMessage } from '../../lib/platform/fit-target';
import { SAVE_PROFILE, type SaveProfileMessage, type SaveProfileReply } from '../../lib/platform/profiles-messages';

/**
 * Runs in every frame of a Mosaic page (and the step editor's own window). A plain build
 * registers it on no host; `npm run build:demo` registers it on localhost (wxt.config.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The tracker lives in the extension's origin (the background): only messages cross.
    const tracker = trackerClient(() => ctx.isValid);
    const guard = new Guard(document, {
      profiles: builtInProfiles,
      tracker,
      isValid: () => ctx.isValid,
      // A fitted profile is checked and kept by the background, with the user's other profiles.
      saveProfile: async (profile) => {
        const message: SaveProfileMessage = { type: SAVE_PROFILE, profile };
        const reply = (await browser.runtime.sendMessage(message)) as SaveProfileReply | undefined;
        return reply ?? { ok: false, errors: ['the extension did not answer'] };
      },
    });
    // The popup's "Fit a form on this page", sent to this frame.
    const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => {
      if (sender.id !== browser.runtime.id || (message as FitFormMessage)?.type !== 'fit-form') return undefined;
      const kind = (message as FitFormMessage).kind;
      sendResponse({ ok: FORM_KINDS.includes(kind) && guard.openFitting(kind) });
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // The settings the rules need and the user's role (under the organisation's policy), and the
    // council's form profiles as the background checked them; read before the first scan, so that
    // the page is read once as it opens.
    // Reads overlap when storage changes twice in quick succession (a fitting saved: the user's
    // profiles, then the profiles in use): only the latest read is applied, never an older one
    // that resolved after it.
    let reads = 0;
    const load = async () => {
      const read = ++reads;
      const [{ settings }, stored] = await Promise.all([loadEffectiveSettings(), browser.storage.local.get(ACTIVE_PROFILES_KEY)]);
      if (!ctx.isValid || read !== reads) return;
      guard.setSettings(settings);
      guard.setProfiles(usableProfiles(stored[ACTIVE_PROFILES_KEY]));
    };
    void load()
      .catch(() => undefined)
      .finally(() => {
        if (ctx.isValid) guard.start();
      });
    const stopListening = onSettingsChanged(() => void load().catch(() => undefined), { inUse: true });
    // When the extension is reloaded or updated, leave nothing half-attached: the guard also
    // checks at each click it could hold back, and this looks every two seconds (asking
    // ctx.isValid is what notices: it runs the onInvalidated callbacks).
    ctx.onInvalidated(() => {
      stopListening();
      browser.runtime.onMessage.removeListener(onMessage);
      guard.stop();
    });
    ctx.setInterval(() => undefined, 2000);
  },
});
