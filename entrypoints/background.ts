import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { todayInUk } from '../lib/dates';
import { SETTINGS_KEY, type Settings } from '../lib/settings';
import { syncContentScripts } from '../lib/platform/hosts';
import { activeProfiles, withFittedProfile } from '../lib/platform/profiles';
import { SAVE_PROFILE, type SaveProfileReply } from '../lib/platform/profiles-messages';
import { replyingListener, type MessageSender } from '../lib/platform/reply';
import { PART_SCRIPTS, START_GUARD, type StartGuardMessage, type StartGuardReply } from '../lib/platform/guard-loading';
import {
  ACTIVE_PROFILES_KEY, loadEffectiveSettings, loadStoredProfiles, PROFILE_ERRORS_KEY, PROFILES_KEY, saveImportedProfiles,
} from '../lib/platform/settings-store';
import { TrackerDatabase } from '../lib/tracker/db';
import { handleTrackerMessage } from '../lib/tracker/handle';
import { TRACKER_CHANGED } from '../lib/tracker/notify';
import { attentionText, badgeText, reminderDue } from '../lib/tracker/reminder';
import { applyRetention } from '../lib/tracker/store';
import { attentionCount, listRows, readList } from '../lib/tracker/summary';

/**
 * The background service worker owns the tracker: content scripts send it what forms the worker
 * saved, finished or viewed (checked with zod here), and it keeps the toolbar badge, the daily
 * reminder and retention.
 */
const DAILY_ALARM = 'daily-check';
const REMINDER_ID = 'monitoring-guard-reviews';
const LAST_REMINDER_KEY = 'lastReminder';

export default defineBackground(() => {
  const db = new TrackerDatabase();

  async function settings(): Promise<Settings> {
    return (await loadEffectiveSettings()).settings;
  }

  /** The guard on the Mosaic addresses allowed, and the form profiles in use, after any change. */
  async function syncConfiguration(): Promise<void> {
    const current = await settings();
    await syncContentScripts(current.mosaicAddresses);
    const stored = await loadStoredProfiles();
    const active = activeProfiles(stored.imported, stored.managed);
    await browser.storage.local.set({ [ACTIVE_PROFILES_KEY]: active.profiles, [PROFILE_ERRORS_KEY]: active.errors });
  }
  const resync = () => void syncConfiguration().catch((error: unknown) => console.error('Monitoring Guard could not apply its settings', error));

  /** A profile fitted in the page, kept with the user's profiles once checked (then in use everywhere, by syncConfiguration). */
  async function saveFitted(profile: unknown): Promise<SaveProfileReply> {
    try {
      // Refused where the organisation switched fitting off (a page that still offered it).
      if (!(await settings()).allowFitting) return { ok: false, errors: ['your organisation has switched fitting off'] };
      const stored = await loadStoredProfiles();
      const result = withFittedProfile(stored.imported, stored.managed, profile);
      if (!result.ok) return result;
      await saveImportedProfiles(result.profiles);
      await syncConfiguration();
      return { ok: true };
    } catch (error) {
      return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
    }
  }

  async function refreshBadge(current?: Settings): Promise<{ overdue: number; dueSoon: number }> {
    const { dueSoonDays } = current ?? (await settings());
    const attention = attentionCount(listRows(await readList(db), todayInUk(), dueSoonDays));
    await browser.action.setBadgeText({ text: badgeText(attention) });
    await browser.action.setBadgeBackgroundColor({ color: attention.overdue > 0 ? '#d4351c' : '#f47738' });
    await browser.action.setTitle({ title: `Monitoring Guard: ${attentionText(attention)}` });
    return attention;
  }

  async function dailyCheck(): Promise<void> {
    const current = await settings();
    const today = todayInUk();
    await applyRetention(db, today, current.retentionDays);
    const attention = await refreshBadge(current);
    const stored = await browser.storage.local.get(LAST_REMINDER_KEY);
    const lastShown = typeof stored[LAST_REMINDER_KEY] === 'string' ? (stored[LAST_REMINDER_KEY] as string) : null;
    const show = reminderDue({ enabled: current.reminders, attention, today, lastShown, hourNow: new Date().getHours(), reminderHour: current.reminderHour });
    if (!show) return;
    await browser.notifications.create(REMINDER_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Monitoring reviews',
      message: `${attentionText(attention)}. Open the Monitoring Guard to see them.`,
      priority: 1,
    });
    await browser.storage.local.set({ [LAST_REMINDER_KEY]: today });
  }

  function scheduleDailyCheck(): void {
    // Every hour: cheap, and the reminder itself shows at most once a day, after its hour.
    void browser.alarms.create(DAILY_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  }

  browser.runtime.onInstalled.addListener(() => {
    resync();
    scheduleDailyCheck();
    void dailyCheck().catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => {
    resync();
    scheduleDailyCheck();
    void dailyCheck().catch(() => undefined);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void dailyCheck().catch(() => undefined);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== REMINDER_ID) return;
    void browser.notifications.clear(id);
    const openPopup = (browser.action as { openPopup?: () => Promise<void> }).openPopup;
    const inTab = () => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    if (openPopup) openPopup().catch(inTab);
    else void inTab();
  });
  /**
   * The next part of the guard run in the frame that asked: the whole guard where the first stage
   * saw a form's title, or the fitting; in the same isolated world, where they meet
   * (lib/platform/guard-loading.ts).
   */
  async function startGuard(message: StartGuardMessage, sender: MessageSender): Promise<StartGuardReply> {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) return { ok: false, error: 'the page could not be told apart' };
    try {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId] }, files: [PART_SCRIPTS[message.part === 'fitting' ? 'fitting' : 'guard']] });
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  browser.storage.onChanged.addListener((changes, area) => {
    // Policy changes take effect at once, as the user's do.
    if (area === 'managed' || (area === 'local' && (changes[SETTINGS_KEY] || changes[PROFILES_KEY]))) {
      resync();
      void refreshBadge().catch(() => undefined);
    }
  });
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);

  // Answered through sendResponse (lib/platform/reply.ts): Chrome and Edge before 144 ignore a returned Promise.
  browser.runtime.onMessage.addListener(replyingListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if ((raw as { type?: unknown })?.type === TRACKER_CHANGED) {
      return refreshBadge().then(() => ({ ok: true }));
    }
    if ((raw as { type?: unknown })?.type === START_GUARD) return startGuard(raw as StartGuardMessage, sender);
    if ((raw as { type?: unknown })?.type === SAVE_PROFILE) return saveFitted((raw as { profile?: unknown }).profile);
    return handleTrackerMessage(db, raw, { today: todayInUk, dueSoonDays: async () => (await settings()).dueSoonDays }).then(({ reply, changed }) => {
      if (changed) void refreshBadge().catch(() => undefined);
      return reply;
    });
  }));
});
