/**
 * Preact runs a component's effects after the next frame, or after 100 ms if no frame comes, on a
 * timer of its own that then calls `cancelAnimationFrame`. A test file that rendered components
 * waits that timer out before vitest tears its jsdom down: on a loaded machine the frame can fail
 * to come first, and the timer would then fire with the window gone, an error that fails the run.
 * Node runs timers in the order they fall due, so a longer wait started later comes after it.
 */
export function settleAfterPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 150));
}

/** Checks every 10 ms until `check` gives something (which it returns), failing after `timeout` ms with what was awaited. */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, timeout = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
