/** axe-core in a page (WCAG 2.2 AA and the WCAG 2.0/2.1 A and AA rules), returning each violation as a line. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** `context` as axe takes it; the guard's shadow root is `{ include: { fromShadowDom: ['monitoring-guard', '.mg'] } }`. */
export async function axeViolations(page: Page, context: unknown = null): Promise<string[]> {
  // Evaluated rather than added as a script tag: extension pages allow no injected script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (scope) => {
    type Axe = { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(scope ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  }, context);
}
