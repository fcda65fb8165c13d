/** Reading `<monitoring-guard>` as contract.md describes it, from a page or frame. */
import type { Frame, Page } from 'puppeteer-core';

export interface GuardReading {
  count: number;
  kind: string | null;
  state: string | null;
  errors: number | null;
  warnings: number | null;
  personId: string | null;
  gaps: Array<{ rule: string | null; severity: string | null; field: string | null; text: string }>;
}

export async function readGuard(target: Page | Frame): Promise<GuardReading> {
  return target.evaluate(() => {
    const guards = document.querySelectorAll('monitoring-guard');
    const guard = guards[0];
    const number = (name: string) => {
      const value = guard?.getAttribute(name);
      return value === null || value === undefined ? null : Number(value);
    };
    return {
      count: guards.length,
      kind: guard?.getAttribute('data-form-kind') ?? null,
      state: guard?.getAttribute('data-state') ?? null,
      errors: number('data-errors'),
      warnings: number('data-warnings'),
      personId: guard?.getAttribute('data-person-id') ?? null,
      gaps: Array.from(guard?.shadowRoot?.querySelectorAll('[data-severity]') ?? [], (gap) => ({
        rule: gap.getAttribute('data-rule'),
        severity: gap.getAttribute('data-severity'),
        field: gap.getAttribute('data-field'),
        text: (gap.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    };
  });
}

/** Waits until a guard is in the document (or the time runs out), then reads it. */
export async function waitForGuard(target: Page | Frame, timeout = 5000): Promise<GuardReading> {
  await target.waitForSelector('monitoring-guard', { timeout });
  return readGuard(target);
}

/** Gives the content script time to have recognised a form, then reads what is there. */
export async function settle(target: Page | Frame, ms = 1500): Promise<GuardReading> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return readGuard(target);
}
