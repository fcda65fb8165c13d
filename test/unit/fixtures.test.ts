/**
 * Every fixture page scanned in jsdom, its own scripts run: recognised (or not) as its
 * expectation says, with every answer read back exactly. The same pages are checked in Chromium
 * with the built extension by the browser tests.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { builtInProfiles } from '../../lib/forms/profiles';
import { scanDocument } from '../../lib/forms/scan';
import { evaluate } from '../../lib/procedure/evaluate';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { expectedRules, loadFixtures, simpleForm } from '../support/fixtures';

/** Pages that add sections by script do so within half a second of loading. */
const SCRIPT_SETTLE_MS = 600;

async function open(html: string, file: string): Promise<JSDOM> {
  const dom = new JSDOM(html, { url: `http://localhost/${file}`, runScripts: 'dangerously', pretendToBeVisual: true });
  await new Promise((resolve) => dom.window.addEventListener('load', resolve));
  if (/setTimeout/.test(html)) await new Promise((resolve) => setTimeout(resolve, SCRIPT_SETTLE_MS));
  return dom;
}

describe('fixture pages', () => {
  for (const fixture of loadFixtures()) {
    if (fixture.expected.frameOf) continue; // read inside its host page, in the browser tests
    it(`${fixture.file}: ${fixture.expected.description}`, async () => {
      const dom = await open(fixture.html, fixture.file);
      try {
        const result = scanDocument(dom.window.document, builtInProfiles);
        const expected = fixture.expected.form ?? null;
        if (expected === null) {
          expect(result?.snapshot ?? null).toBeNull();
        } else {
          expect(result).not.toBeNull();
          const actual = simpleForm(result!.snapshot);
          expect({ ...actual, hidden: [...actual.hidden].sort() }).toEqual({ ...expected, hidden: [...expected.hidden].sort() });
          // The procedure's verdict on what was read: exactly the catalogue's gaps for this page.
          const evaluation = evaluate(result!.snapshot, { today: '2026-11-25', settings: DEFAULT_SETTINGS, trackedReviewDue: null });
          expect([...new Set(evaluation.gaps.map((gap) => gap.rule))].sort()).toEqual(expectedRules(fixture.file));
        }
      } finally {
        dom.window.close();
      }
    });
  }
});
