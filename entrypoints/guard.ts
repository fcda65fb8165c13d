import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { builtInProfiles } from '../lib/forms/profiles';
import { FORM_KINDS } from '../lib/model/vocabulary';
import { usableProfiles } from '../lib/platform/usable-profiles';
import { ACTIVE_PROFILES_KEY, loadEffectiveSettings, onSettingsChanged } from '../lib/platform/settings-store';
import { handover, startPart } from '../lib/platform/guard-loading';
import { trackerClient } from '../lib/tracker/client';
import { Guard } from '../lib/guard/guard';
import { SAVE_PROFILE, type SaveProfileMessage, type SaveProfileReply } from '../lib/platform/profiles-messages';

/**
 * The guard's second stage, the whole guard: run by the background (scripting.executeScript) in a
 * frame where the first stage (entrypoints/first-stage.ts) saw one of the forms' titles, in the same
 * isolated world, where it finds the first stage's hand-over.
 */
export default defineUnlistedScript(() => {
  const stage = handover();
  // Run twice (a second request while the first ran), or without the first stage: nothing to do.
  if (!stage || stage.openFitting) return;
  const isValid = () => stage.isValid();
  // The tracker lives in the extension's origin (the background): only messages cross.
  const guard = new Guard(document, {
    profiles: builtInProfiles,
    tracker: trackerClient(isValid),
    isValid,
    // A fitted profile is checked and kept by the background, with the user's other profiles.
    saveProfile: async (profile) => {
      const message: SaveProfileMessage = { type: SAVE_PROFILE, profile };
      const reply = (await browser.runtime.sendMessage(message)) as SaveProfileReply | undefined;
      return reply ?? { ok: false, errors: ['the extension did not answer'] };
    },
    // The fitting's own script, run in this frame when someone fits a form.
    loadFitting: async () => {
      if (!stage.fitting) await startPart('fitting', (message) => browser.runtime.sendMessage(message));
      if (!stage.fitting) throw new Error('the fitting did not start in this frame');
      return stage.fitting;
    },
  });
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
    if (!isValid() || read !== reads) return;
    guard.setSettings(settings);
    guard.setProfiles(usableProfiles(stored[ACTIVE_PROFILES_KEY]));
  };
  const started = load()
    .catch(() => undefined)
    .finally(() => {
      if (isValid()) guard.start();
    });
  // Once the settings are read (the organisation may have switched fitting off).
  stage.openFitting = async (kind) => {
    await started;
    return FORM_KINDS.includes(kind) && (await guard.openFitting(kind));
  };
  const stopListening = onSettingsChanged(() => void load().catch(() => undefined), { inUse: true });
  // When the extension is reloaded or updated, leave nothing half-attached: the guard also
  // checks at each click it could hold back.
  stage.onInvalidated(() => {
    stopListening();
    guard.stop();
  });
});
