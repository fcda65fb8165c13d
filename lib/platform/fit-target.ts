/**
 * Where the popup can offer "Fit a form on this page": the active tab, on a Mosaic address the
 * guard runs on, where no frame shows the guard (no form recognised), in the frame with the most
 * controls (a Mosaic step is often a frame of its own). The fitting itself opens in that frame.
 */
import { browser } from 'wxt/browser';
import type { FormKind } from '../forms/profile';
import type { Settings } from '../settings';

export interface FitTarget {
  tabId: number;
  frameId: number;
}

/** Whether the guard runs on this address: a Mosaic address of the settings, or one the extension's own content scripts match (the demo's). */
export function guardRunsOn(url: string, settings: Settings, manifestMatches: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (settings.mosaicAddresses.includes(parsed.origin)) return true;
  return manifestMatches.some((pattern) => {
    const match = /^(https?|\*):\/\/([^/]+)\/(.*)$/.exec(pattern);
    if (!match) return false;
    const [, scheme, host, path] = match;
    const schemeOk = scheme === '*' ? ['http:', 'https:'].includes(parsed.protocol) : parsed.protocol === `${scheme}:`;
    const hostOk = host === '*' || parsed.hostname === host || (host!.startsWith('*.') && parsed.hostname.endsWith(host!.slice(1)));
    const pathOk = new RegExp(`^/${path!.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(parsed.pathname);
    return schemeOk && hostOk && pathOk;
  });
}

/** The frame to fit in, or null where there is none (not a Mosaic page, a form already recognised, fitting switched off). */
export async function findFitTarget(settings: Settings): Promise<FitTarget | null> {
  if (!settings.allowFitting) return null;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || !tab.url) return null;
    const matches = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
    if (!guardRunsOn(tab.url, settings, matches)) return null;
    const results = await browser.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      func: () => ({ guard: document.querySelector('monitoring-guard') !== null, controls: document.querySelectorAll('input, select, textarea').length }),
    });
    const frames = results.map((result) => ({ frameId: result.frameId ?? 0, ...(result.result as { guard: boolean; controls: number }) }));
    if (frames.some((frame) => frame.guard)) return null;
    const best = frames.reduce<(typeof frames)[number] | null>((found, frame) => (frame.controls > (found?.controls ?? 0) ? frame : found), null);
    return best ? { tabId: tab.id, frameId: best.frameId } : null;
  } catch {
    return null;
  }
}

export interface FitFormMessage {
  type: 'fit-form';
  kind: FormKind;
}

/** Asks the guard in that frame to open its fitting view; false when it could not. */
export async function startFitting(target: FitTarget, kind: FormKind): Promise<boolean> {
  const message: FitFormMessage = { type: 'fit-form', kind };
  try {
    const reply = (await browser.tabs.sendMessage(target.tabId, message, { frameId: target.frameId })) as { ok?: boolean } | undefined;
    return reply?.ok === true;
  } catch {
    return false;
  }
}
