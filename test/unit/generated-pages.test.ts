/**
 * Generated pages (fast-check): each of the three forms laid out at random – every label source
 * and control the scanner supports, forms.md's label variations, unrelated questions mixed in,
 * and answers that include markup, odd Unicode and huge texts – must be recognised, read back
 * exactly, and judged as the answers themselves are judged.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { FORM_KINDS } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import { scanDocument } from '../../lib/forms/scan';
import type { FormSnapshot } from '../../lib/forms/snapshot';
import { evaluate } from '../../lib/procedure/evaluate';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { simpleForm } from '../support/fixtures';
import { expectedAnswers, expectedHidden, expectedMissing, hostileInputs, pageArbitrary, renderPage } from '../support/page-generator';
import { recordReliability } from '../support/reliability';
import { snapshotFor } from '../support/snapshots';

/** Pages per form: 300 pages in all, in about 15 seconds. */
const RUNS = 100;

const context = { today: '2026-11-25', settings: DEFAULT_SETTINGS, trackedReviewDue: null };

/** The verdict without its messages (they name locators and answers): which rule, how bad, on what. */
function verdict(snapshot: FormSnapshot) {
  return evaluate(snapshot, context)
    .gaps.map((gap) => ({ rule: gap.rule, severity: gap.severity, kind: gap.kind, fields: gap.fields }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('generated pages', () => {
  for (const kind of FORM_KINDS) {
    it(`reads every generated ${kind} page exactly and judges it as its answers`, ({ task }) => {
      let generatedPages = 0;
      let hostile = 0;
      fc.assert(
        fc.property(pageArbitrary(kind), (page) => {
          const html = renderPage(page);
          generatedPages++;
          hostile += hostileInputs(page);
          const dom = new JSDOM(html, { url: 'http://localhost/generated.html', pretendToBeVisual: true });
          try {
            // 1. Nothing throws.
            const result = scanDocument(dom.window.document, builtInProfiles);
            expect(result, 'the form is recognised').not.toBeNull();
            const snapshot = result!.snapshot;
            const scannedVerdict = verdict(snapshot);

            // 2. The right form, every question shown found (hidden ones marked), every answer read back as put in.
            const answers = expectedAnswers(page);
            const missing = expectedMissing(page);
            const hidden = expectedHidden(page);
            const read = simpleForm(snapshot);
            expect(read.kind).toBe(kind);
            expect(read.missing).toEqual(missing);
            expect([...read.hidden].sort()).toEqual([...hidden].sort());
            expect(read.answers).toEqual(answers);

            // 3. The rules judge the page as they judge the answers themselves.
            expect(scannedVerdict).toEqual(verdict(snapshotFor(kind, answers, { missing, hidden })));
          } finally {
            dom.window.close();
          }
        }),
        { numRuns: RUNS },
      );
      recordReliability(task, { generatedPages, hostileInputs: hostile });
    }, 120_000);
  }
});
