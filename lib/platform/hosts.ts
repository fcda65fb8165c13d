/**
 * Running the guard on the council's Mosaic addresses: each address the user has allowed (the
 * browser asks them when they add it) gets the content script, in all frames; an address removed,
 * or whose permission was taken back, loses it. Nothing runs anywhere else.
 */
import { browser } from 'wxt/browser';
import { originPattern } from '../settings';

/** The guard's first stage (entrypoints/first-stage.ts). */
export const CONTENT_SCRIPT_FILE = 'first-stage.js';
const ID_PREFIX = 'mosaic-';

export interface HostSync {
  /** Addresses the guard now runs on. */
  active: string[];
  /** Addresses set (by the user or by policy) that the browser has not been allowed to reach yet. */
  awaitingPermission: string[];
}

export async function syncContentScripts(addresses: readonly string[]): Promise<HostSync> {
  const active: string[] = [];
  const awaitingPermission: string[] = [];
  for (const origin of addresses) {
    const allowed = await browser.permissions.contains({ origins: [originPattern(origin)] });
    (allowed ? active : awaitingPermission).push(origin);
  }
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((script) => script.id.startsWith(ID_PREFIX));
  const wanted = new Set(active.map((origin) => ID_PREFIX + origin));
  // Also those of an earlier version that ran another file (kept across sessions, and updates).
  const stale = registered.filter((script) => !wanted.has(script.id) || script.js?.join() !== CONTENT_SCRIPT_FILE).map((script) => script.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const present = new Set(registered.filter((script) => !stale.includes(script.id)).map((script) => script.id));
  const added = active.filter((origin) => !present.has(ID_PREFIX + origin));
  if (added.length > 0) {
    await browser.scripting.registerContentScripts(
      added.map((origin) => ({
        id: ID_PREFIX + origin,
        matches: [originPattern(origin)],
        js: [CONTENT_SCRIPT_FILE],
        allFrames: true,
        // Frames made by script (about:blank) inherit the page's address; Firefox has no such option.
        ...(import.meta.env.FIREFOX ? {} : { matchOriginAsFallback: true }),
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  return { active, awaitingPermission };
}

/** Asks the browser (from a click) to let the guard read pages at this address. */
export function requestHost(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] });
}

/** Gives back the permission for an address removed. */
export async function releaseHost(origin: string): Promise<void> {
  await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}
