/**
 * The fitting view's best guess on generated pages of every edit shape (test/support/page-generator.ts):
 * on a page of the reference wording, each question the guard finds is guessed to be the very
 * control the scanner found, so that fitting starts from what the guard already reads.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { FORM_KINDS } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import { scanDocument } from '../../lib/forms/scan';
import { guessFitting } from '../../lib/fit/fitting';
import { pageQuestions } from '../../lib/fit/page';
import { EDIT_SHAPES, pageArbitrary, renderPage, SHAPE_KINDS } from '../support/page-generator';

const RUNS = 15;

describe('the best guess on generated pages', () => {
  for (const kind of FORM_KINDS) {
    const shapes = EDIT_SHAPES.filter((shape) => !SHAPE_KINDS[shape] || SHAPE_KINDS[shape]!.includes(kind));
    it(`is what the scanner finds, on ${kind} pages of every edit shape`, () => {
      fc.assert(
        fc.property(pageArbitrary(kind, { shapes, mode: 'edit' }), (generated) => {
          const doc = new JSDOM(renderPage(generated), { pretendToBeVisual: true }).window.document;
          const result = scanDocument(doc, builtInProfiles);
          expect(result).not.toBeNull();
          if (!result) return;
          const page = pageQuestions(doc);
          const guess = guessFitting(kind, result.snapshot.title, page, null);
          const wrong = [...result.elements]
            .filter(([name, element]) => page.find((question) => question.id === guess.questions[name])?.candidate.element !== element)
            .map(([name]) => `${name}: guessed ${page.find((question) => question.id === guess.questions[name])?.label ?? 'nothing'}`);
          if (wrong.length && process.env.MG_DEBUG) console.log(wrong, [...result.elements].filter(([n]) => wrong.some((w) => w.startsWith(n))).map(([n, e]) => page.filter((q) => q.candidate.element === e).map((q) => [q.kind, q.text, q.candidate.texts, q.answers])));
          expect(wrong).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
