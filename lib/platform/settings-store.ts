/**
 * Settings and form profiles in the extension's storage: the user's (storage.local) under the
 * organisation's policy (storage.managed, set by IT through ExtensionSettings / 3rdparty policy).
 */
import { browser } from 'wxt/browser';
import type { FormProfile } from '../forms/profile';
import { mergeSettings, SETTINGS_KEY, type EffectiveSettings, type Settings } from '../settings';
import { ACTIVE_PROFILES_KEY } from './storage-keys';

export { ACTIVE_PROFILES_KEY };

/** A council's own profiles the user imported (storage.local) or IT set (storage.managed). */
export const PROFILES_KEY = 'profiles';
/** What was wrong with profiles set by policy, for the options page to show. */
export const PROFILE_ERRORS_KEY = 'profileErrors';

async function managedArea(): Promise<Record<string, unknown>> {
  try {
    // Firefox without a policy, and browsers without managed storage, answer with an error.
    return (await browser.storage.managed.get(null)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [local, managed] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), managedArea()]);
  return mergeSettings(local[SETTINGS_KEY], managed);
}

/** Saves the user's choices; a setting the organisation set by policy is left as the policy has it. */
export async function saveSettings(changes: Partial<Settings>): Promise<EffectiveSettings> {
  const current = await loadEffectiveSettings();
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const next: Record<string, unknown> = { ...(stored && typeof stored === 'object' ? stored : {}) };
  for (const [name, value] of Object.entries(changes)) {
    if (!current.managed.has(name as keyof Settings)) next[name] = value;
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return loadEffectiveSettings();
}

/**
 * Calls back when the user's settings or the policy change (policy changes need no restart), or
 * the profiles: with `inUse`, only the profiles in use (what a content script reads; the user's
 * own list changes a moment before the background derives them from it).
 */
export function onSettingsChanged(callback: () => void, { inUse = false }: { inUse?: boolean } = {}): () => void {
  const keys = inUse ? [SETTINGS_KEY, ACTIVE_PROFILES_KEY] : [SETTINGS_KEY, PROFILES_KEY, ACTIVE_PROFILES_KEY];
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && keys.some((key) => key in changes))) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function loadStoredProfiles(): Promise<{ imported: unknown; managed: unknown }> {
  const [local, managed] = await Promise.all([browser.storage.local.get(PROFILES_KEY), managedArea()]);
  return { imported: local[PROFILES_KEY] ?? [], managed: managed[PROFILES_KEY] ?? [] };
}

export async function saveImportedProfiles(profiles: FormProfile[]): Promise<void> {
  await browser.storage.local.set({ [PROFILES_KEY]: profiles });
}
