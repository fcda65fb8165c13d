/**
 * The scan leaves out, after a quick look, the standalone controls that can answer none of the
 * questions looked for (collectPage with `mayBeCode`, labels.ts unlabelledControl). That is only
 * right if every control left out would have matched nothing: held here on generated pages (every
 * label source the scanner supports, unrelated questions mixed in) and on the fixture pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { FORM_KINDS } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import { buildLabelIndex, collectPage, profileFilters, type PageCollection } from '../../lib/forms/scan';
import { pageArbitrary, renderPage } from '../support/page-generator';

const { mayBeLabel, mayBeCode } = profileFilters(builtInProfiles);

function collections(doc: Document): { full: PageCollection; quick: PageCollection } {
  const index = buildLabelIndex(doc, mayBeLabel);
  return { full: collectPage(doc, index, mayBeLabel), quick: collectPage(doc, index, mayBeLabel, mayBeCode) };
}

/** Holds the quick collection to the full one; returns how many candidates it left out. */
function expectOnlyUnmatchableLeftOut(doc: Document): number {
  const { full, quick } = collections(doc);
  const quickByOrder = new Map(quick.candidates.map((candidate) => [`${candidate.kind}|${candidate.order}`, candidate]));
  let leftOut = 0;
  for (const candidate of full.candidates) {
    const kept = quickByOrder.get(`${candidate.kind}|${candidate.order}`);
    if (kept) {
      // Kept as it is.
      expect(kept.element).toBe(candidate.element);
      expect(kept.labels).toEqual(candidate.labels);
      expect(kept.codes).toEqual(candidate.codes);
      continue;
    }
    leftOut++;
    // Left out: no label that could be a question's, and no code that could be one.
    expect(candidate.labels.every((label) => label === ''), `labels of a control left out: ${candidate.labels.join(' | ')}`).toBe(true);
    expect(candidate.codes.some(mayBeCode), `codes of a control left out: ${candidate.codes.join(' ')}`).toBe(false);
  }
  expect(quick.candidates.length).toBe(full.candidates.length - leftOut);
  expect(quick.controlCount).toBe(full.controlCount);
  return leftOut;
}

function load(html: string): { doc: Document; close: () => void } {
  const dom = new JSDOM(html, { url: 'http://localhost/page.html' });
  return { doc: dom.window.document, close: () => dom.window.close() };
}

describe('the quick look at controls that are not the form’s', () => {
  for (const kind of FORM_KINDS) {
    it(`leaves out only controls that could match nothing, on generated ${kind} pages`, () => {
      let leftOut = 0;
      fc.assert(
        fc.property(pageArbitrary(kind), (page) => {
          const { doc, close } = load(renderPage(page));
          try {
            leftOut += expectOnlyUnmatchableLeftOut(doc);
          } finally {
            close();
          }
        }),
        { numRuns: 60 },
      );
      // The generated pages mix in unrelated questions: some are left out, or this tests nothing.
      expect(leftOut).toBeGreaterThan(0);
    }, 120_000);
  }

  it('leaves out only controls that could match nothing, on the fixture pages', () => {
    const dir = join(import.meta.dirname, '../fixtures');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.html'))) {
      const { doc, close } = load(readFileSync(join(dir, file), 'utf8'));
      try {
        expectOnlyUnmatchableLeftOut(doc);
      } finally {
        close();
      }
    }
  });

  it('has texts below that are no question’s, and some that may be', () => {
    expect(mayBeLabel('Favourite colour')).toBe(false);
    expect(mayBeLabel('Address')).toBe(false);
    expect(mayBeLabel('Date of first review')).toBe(true);
  });

  const cases: Array<[string, string, boolean]> = [
    ['its own label, no question’s', '<label for="x">Favourite colour</label><input id="x">', true],
    ['its own label, a question’s', '<label for="x">Date of first review</label><input id="x">', false],
    ['a label of spaces, then text before it that is no question’s', '<p>Favourite colour</p><label for="x"> </label><input id="x">', true],
    ['a label of spaces, then text before it that may be a question’s', '<p>Date of first review</p><label for="x"> </label><input id="x">', false],
    ['no label, text before it that is no question’s', '<p>Favourite colour</p><input id="x">', true],
    ['no label, text before it that may be a question’s', '<p>Date of first review</p><input id="x">', false],
    ['in a wrapping label', '<label>Favourite colour <input id="x"></label>', false],
    ['in a fieldset', '<fieldset><legend>Placement</legend><label for="x">Address</label><input id="x"></fieldset>', false],
    ['in a role=group', '<div role="group"><label for="x">Address</label><input id="x"></div>', false],
    ['in a definition list', '<dl><dt>Placement</dt><dd><label for="x">Address</label><input id="x"></dd></dl>', false],
    ['in a table cell', '<table><tr><td><label for="x">Address</label><input id="x"></td></tr></table>', false],
    ['with aria-label', '<label for="x">Address</label><input id="x" aria-label="Address">', false],
    ['with aria-labelledby', '<label for="x">Address</label><input id="x" aria-labelledby="y"><p id="y">Address</p>', false],
  ];
  for (const [what, body, surelyNotOurs] of cases) {
    it(`${surelyNotOurs ? 'leaves out' : 'keeps'} a control with ${what}`, () => {
      const { doc, close } = load(`<!doctype html><body>${body}</body>`);
      try {
        const control = doc.getElementById('x')!;
        const { quick } = collections(doc);
        expect(quick.candidates.some((candidate) => candidate.element === control)).toBe(!surelyNotOurs);
        expectOnlyUnmatchableLeftOut(doc);
      } finally {
        close();
      }
    });
  }

  it('keeps a control whose code may be a question’s, whatever its label', () => {
    const reviewCode = builtInProfiles.flatMap((profile) => profile.questions).find((question) => question.code)?.code;
    expect(reviewCode, 'a built-in question has a code').toBeTruthy();
    for (const attribute of ['id', 'name', 'data-question-code', 'data-field']) {
      const { doc, close } = load(`<!doctype html><body><label for="x">Favourite colour</label><input id="x" ${attribute === 'id' ? '' : `${attribute}="${reviewCode}"`}></body>`);
      try {
        const control = doc.querySelector('input')!;
        if (attribute === 'id') {
          control.id = reviewCode!;
          doc.querySelector('label')!.setAttribute('for', reviewCode!);
        }
        expect(collections(doc).quick.candidates.some((candidate) => candidate.element === control), attribute).toBe(true);
      } finally {
        close();
      }
    }
  });
});
