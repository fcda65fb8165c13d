import { defineContentScript } from 'wxt/utils/define-content-script';
import { builtInProfiles } from '../../lib/forms/profiles';
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
    // When the extension is reloaded or updated, leave nothing half-attached.
    ctx.onInvalidated(() => guard.stop());
  },
});
