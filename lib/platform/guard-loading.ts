/**
 * The guard in two stages. The first (the content script, on every page of a Mosaic address)
 * only looks for the forms' titles; where one shows, it asks the background to run the second
 * (`guard.js`, the whole guard) in its frame. Both run in the extension's isolated world of that
 * frame, and meet there through one global: the first stage's hand-over.
 */
import type { FormKind } from '../forms/profile';

/** The content script asks the background to start the guard in its frame. */
export const START_GUARD = 'start-guard';
export interface StartGuardMessage {
  type: typeof START_GUARD;
}
export type StartGuardReply = { ok: true } | { ok: false; error: string };

/** The second stage's script, as the build writes it (entrypoints/guard.ts). */
export const GUARD_SCRIPT = '/guard.js';

/** Where the two stages meet in the isolated world (a key no page script can see). */
export const HANDOVER = Symbol.for('monitoring-guard.handover');

/** What the first stage hands over, and what the second fills in once it runs. */
export interface Handover {
  /** False once the extension was updated or reloaded under the page (the content script context's). */
  isValid(): boolean;
  /** Calls back once, when the extension goes away from under the page. */
  onInvalidated(callback: () => void): void;
  /** Set by the second stage: opens the fitting of a form of this kind (the popup's "Fit a form on this page"). */
  openFitting?: (kind: FormKind) => Promise<boolean>;
}

export function handover(): Handover | undefined {
  return (globalThis as { [HANDOVER]?: Handover })[HANDOVER];
}

export function setHandover(value: Handover): void {
  (globalThis as { [HANDOVER]?: Handover })[HANDOVER] = value;
}
