/**
 * axe-core in a page and every frame in it (WCAG 2.2 AA and the WCAG 2.0/2.1 A and AA rules),
 * returning each violation as a line.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The guard's shadow root, as axe's context names it. */
export const GUARD_CONTEXT = { fromShadowDom: ['monitoring-guard', '.mg'] };

/** The guard's shadow root inside the frame that `frameSelector` finds in the top document. */
export function guardInFrame(frameSelector: string) {
  return { include: { fromFrames: [frameSelector, GUARD_CONTEXT] } };
}

async function addAxe(frame: Frame): Promise<void> {
  // Evaluated rather than added as a script tag: extension pages allow no injected script.
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE_SOURCE);
}

/**
 * `context` as axe takes it: the guard is `{ include: GUARD_CONTEXT }`, the guard in a frame is
 * `guardInFrame('iframe#stepFrame')`. axe is put into every frame first, so that a scan from the
 * top reaches into frames (axe asks each frame's own copy, as axe's browser integrations do):
 * without it, a frame's content would go unscanned and pass.
 */
export async function axeViolations(page: Page, context: unknown = null): Promise<string[]> {
  await Promise.all(page.frames().map((frame) => addAxe(frame)));
  return page.evaluate(async (scope) => {
    type Axe = { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(scope ?? document, {
      iframes: true,
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  }, context);
}
