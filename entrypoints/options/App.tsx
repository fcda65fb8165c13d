import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AddressesSection, type AddressStatus } from '../../components/options/AddressesSection';
import { downloadText } from '../../components/shared/download';
import { reasonOf } from '../../components/Notice';
import { ProfilesSection } from '../../components/options/ProfilesSection';
import { SettingsForm } from '../../components/options/SettingsForm';
import type { FormProfile } from '../../lib/forms/profile';
import { parseProfiles } from '../../lib/forms/profile-schema';
import { builtInProfiles } from '../../lib/forms/profiles';
import { releaseHost, requestHost } from '../../lib/platform/hosts';
import {
  loadEffectiveSettings,
  loadStoredProfiles,
  onSettingsChanged,
  PROFILE_ERRORS_KEY,
  saveImportedProfiles,
  saveSettings,
} from '../../lib/platform/settings-store';
import { originPattern, type EffectiveSettings, type Settings } from '../../lib/settings';

/** Everything the options page reads and writes, so that tests can run it without a browser. */
export interface OptionsApi {
  loadEffectiveSettings: () => Promise<EffectiveSettings>;
  saveSettings: (changes: Partial<Settings>) => Promise<EffectiveSettings>;
  /** Calls back when the settings, the profiles or the policy change; returns the way to stop. */
  onSettingsChanged: (callback: () => void) => () => void;
  loadStoredProfiles: () => Promise<{ imported: unknown; managed: unknown }>;
  saveImportedProfiles: (profiles: FormProfile[]) => Promise<void>;
  /** What was wrong with the profiles not in use, as the background found it. */
  loadProfileErrors: () => Promise<string[]>;
  /** Whether the browser lets the guard read pages at this address. */
  isHostAllowed: (origin: string) => Promise<boolean>;
  /** Calls back when a host permission is given or taken back (also from the browser's own settings). */
  onHostsChanged: (callback: () => void) => () => void;
  requestHost: (origin: string) => Promise<boolean>;
  releaseHost: (origin: string) => Promise<void>;
  /** Hands a text file to the browser to download. */
  download: (fileName: string, text: string) => void;
}

/** The real thing: the extension's storage, the policy and the browser's permissions. */
export const browserApi: OptionsApi = {
  loadEffectiveSettings,
  saveSettings,
  onSettingsChanged,
  loadStoredProfiles,
  saveImportedProfiles,
  async loadProfileErrors() {
    const stored = (await browser.storage.local.get(PROFILE_ERRORS_KEY))[PROFILE_ERRORS_KEY];
    return Array.isArray(stored) ? stored.filter((error): error is string => typeof error === 'string') : [];
  },
  isHostAllowed: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
  onHostsChanged(callback) {
    const listener = () => callback();
    browser.permissions.onAdded?.addListener(listener);
    browser.permissions.onRemoved?.addListener(listener);
    return () => {
      browser.permissions.onAdded?.removeListener(listener);
      browser.permissions.onRemoved?.removeListener(listener);
    };
  },
  requestHost,
  releaseHost,
  download: (fileName, text) => downloadText(fileName, text, 'application/json'),
};

export interface AppProps {
  /** What the page reads and writes through; by default the browser's (a test gives a fake, whole or in part). */
  api?: Partial<OptionsApi>;
}

interface Loaded {
  settings: Settings;
  managed: ReadonlySet<keyof Settings>;
  addresses: AddressStatus[];
  imported: FormProfile[];
  managedProfiles: FormProfile[];
  profileErrors: string[];
}

type Load = { state: 'loading' } | { state: 'failed'; reason: string } | { state: 'ready'; data: Loaded };

/** The user's imports, each checked: one that no longer passes the checks is left out (the warning says why). */
function importedProfiles(value: unknown): FormProfile[] {
  const list: unknown[] = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((item) => {
    const result = parseProfiles(item);
    return result.ok ? result.profiles : [];
  });
}

/** The organisation's profiles, as the background takes them: all of them, or none when any has a problem. */
function policyProfiles(value: unknown): FormProfile[] {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return [];
  const result = parseProfiles(value);
  return result.ok ? result.profiles : [];
}

async function loadAll(api: OptionsApi): Promise<Loaded> {
  const [effective, stored, profileErrors] = await Promise.all([
    api.loadEffectiveSettings(),
    api.loadStoredProfiles(),
    api.loadProfileErrors().catch(() => [] as string[]),
  ]);
  const addresses = await Promise.all(
    effective.settings.mosaicAddresses.map(async (origin) => ({ origin, allowed: await api.isHostAllowed(origin).catch(() => false) })),
  );
  return {
    settings: effective.settings,
    managed: effective.managed,
    addresses,
    imported: importedProfiles(stored.imported),
    managedProfiles: policyProfiles(stored.managed),
    profileErrors,
  };
}

/** The options page: Mosaic addresses, role, review settings and form profiles, under the organisation's policy. */
export function App({ api: givenApi }: AppProps) {
  const apiRef = useRef<OptionsApi>({ ...browserApi, ...givenApi });
  const api = apiRef.current;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const latest = useRef<Loaded | null>(null);
  const sequence = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    try {
      const data = await loadAll(api);
      // A later reload has started: its answer is the newer one.
      if (mine !== sequence.current) return;
      latest.current = data;
      setLoad({ state: 'ready', data });
    } catch (error) {
      if (mine !== sequence.current) return;
      // Once shown, the page keeps what it has rather than going blank on a passing failure.
      if (latest.current) console.error('Monitoring Guard could not reload its settings', error);
      else setLoad({ state: 'failed', reason: reasonOf(error) });
    }
  }, [api]);

  useEffect(() => {
    void reload();
    const again = () => void reload();
    const stopSettings = api.onSettingsChanged(again);
    let stopHosts = () => {};
    try {
      stopHosts = api.onHostsChanged(again);
    } catch {
      // No permission events here: the page still reloads after each of its own requests.
    }
    return () => {
      stopSettings();
      stopHosts();
    };
  }, [reload]);

  const addresses = () => latest.current?.settings.mosaicAddresses ?? [];

  if (load.state === 'failed') {
    return (
      <main class="page">
        <h1>Monitoring Guard settings</h1>
        <div class="notice notice--error" role="alert" data-notice="error">
          <p>The settings could not be read: {load.reason}. Nothing has been changed.</p>
          <p>Close this tab and open the settings again. If this keeps happening, tell your IT service desk.</p>
        </div>
      </main>
    );
  }

  if (load.state === 'loading') {
    return (
      <main class="page">
        <h1>Monitoring Guard settings</h1>
        <p role="status">Reading the settings…</p>
      </main>
    );
  }

  const { data } = load;
  return (
    <main class="page">
      <h1>Monitoring Guard settings</h1>
      <p class="lead">
        These settings apply to Monitoring Guard in this browser. A setting marked “Set by your organisation” was chosen by your IT service and
        cannot be changed here.
      </p>

      <AddressesSection
        addresses={data.addresses}
        managed={data.managed.has('mosaicAddresses')}
        onAdd={(origin) =>
          // Asked first, in the click itself: the browser shows its prompt only from a user gesture.
          api.requestHost(origin).then(async (granted) => {
            if (!granted) return 'refused' as const;
            await api.saveSettings({ mosaicAddresses: [...addresses().filter((address) => address !== origin), origin] });
            await reload();
            return 'added' as const;
          })
        }
        onAllow={(origin) =>
          api.requestHost(origin).then(async (granted) => {
            await reload();
            return granted;
          })
        }
        onRemove={async (origin) => {
          await api.saveSettings({ mosaicAddresses: addresses().filter((address) => address !== origin) });
          await api.releaseHost(origin);
          await reload();
        }}
      />

      <SettingsForm
        settings={data.settings}
        managed={data.managed}
        onSave={async (changes) => {
          await api.saveSettings(changes);
          await reload();
        }}
      />

      <ProfilesSection
        builtIn={builtInProfiles}
        imported={data.imported}
        managed={data.managedProfiles}
        errors={data.profileErrors}
        onSaveImported={async (profiles) => {
          await api.saveImportedProfiles(profiles);
          await reload();
        }}
        onDownload={api.download}
      />
    </main>
  );
}

export default App;
