/**
 * The guard in two stages. The first (the content script, on every page of a Mosaic address)
 * only looks for the forms' titles; where one shows, it asks the background to run the second
 * (`guard.js`, the whole guard) in its frame. Both run in the extension's isolated world of that
 * frame, and meet there through one global: the first stage's hand-over.
 */
import type { FormKind } from '../forms/profile';
import type { FittingModule } from '../guard/fit-controller';

/**
 * A script of the guard's asks the background to run the next part in its frame: the whole guard
 * (asked by the first stage), or the fitting (asked by the guard, when someone fits a form).
 */
export const START_GUARD = 'start-guard';
export interface StartGuardMessage {
  type: typeof START_GUARD;
  part?: 'guard' | 'fitting';
}
export type StartGuardReply = { ok: true } | { ok: false; error: string };

/** The scripts of the parts, as the build writes them (entrypoints/guard.ts, entrypoints/fitting.ts). */
export const PART_SCRIPTS = { guard: '/guard.js', fitting: '/fitting.js' } as const;

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
  /** Set by fitting.js, once run. */
  fitting?: FittingModule;
}

/** How long the background may take to run a part (it may first have to wake up), in ms. */
const START_TIMEOUT = 20_000;

/**
 * Asks the background to run a part of the guard in this frame; resolves once it ran, rejects
 * with why it could not. `send` is runtime.sendMessage.
 */
export async function startPart(part: 'guard' | 'fitting', send: (message: StartGuardMessage) => Promise<unknown>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reply = (await Promise.race([
    send({ type: START_GUARD, part }),
    new Promise((resolve) => (timer = setTimeout(() => resolve({ ok: false, error: 'the extension did not answer in time' }), START_TIMEOUT))),
  ]).finally(() => clearTimeout(timer))) as StartGuardReply | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'the extension did not answer');
}

export function handover(): Handover | undefined {
  return (globalThis as { [HANDOVER]?: Handover })[HANDOVER];
}

export function setHandover(value: Handover): void {
  (globalThis as { [HANDOVER]?: Handover })[HANDOVER] = value;
}
