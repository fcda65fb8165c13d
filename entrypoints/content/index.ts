import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { builtInProfiles } from '../../lib/forms/profiles';
import { completeSettings } from '../../lib/settings';
import { Guard } from './guard';

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
    const guard = new Guard(document, { profiles: builtInProfiles });
    guard.start();
    // The settings the rules need, and the user's role, from the extension's storage.
    const applySettings = (stored: unknown) => {
      if (ctx.isValid) guard.setSettings(completeSettings(stored));
    };
    void browser.storage.local.get('settings').then((items) => applySettings(items.settings), () => undefined);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes.settings) applySettings(changes.settings.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    // When the extension is reloaded or updated, leave nothing half-attached.
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onChanged);
      guard.stop();
    });
  },
});
