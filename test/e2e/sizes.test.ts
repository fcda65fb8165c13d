/**
 * Sizes are stable, so they are held to a budget (times are not: they are measured by
 * npm run bench and never asserted). Reads the build the browser tests run on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../support/browser';

describe('sizes', () => {
  // 40 KB before the fitting view (issue 17) added 9.6 KB: the performance redesign (issue 19) takes
  // the guard, and the fitting view with it, out of the script every page loads.
  it("keeps the content script, which every Mosaic page loads, under 50 KB gzipped", () => {
    const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
    expect(gzipSync(script, { level: 9 }).length).toBeLessThan(50 * 1024);
  });

  it('keeps zod and Dexie out of the content script (the background checks, the background stores)', () => {
    const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'), 'utf8');
    expect(script).not.toMatch(/ZodError|\$ZodType|Dexie/);
  });
});
