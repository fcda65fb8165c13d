/**
 * The accessible name oracle: a control the scanner takes as a question's answer must be named
 * for that question by the W3C accessible name computation too (dom-accessibility-api, as a
 * screen reader would announce it), on every fixture page and on generated edit pages of every
 * shape.
 *
 * For each control of scanDocument(...).elements (a question's answer: a box, a dropdown, rich
 * text, a yes/no checkbox, a repeating table), its accessible name – for radios and checkbox sets
 * and day-month-year boxes, the name of their group (a fieldset or role=group), when there is one –
 * after normaliseLabel, must be
 * - one of the label texts the scanner collected for that control (collectPage's candidate), or
 * - the question's normalised label or an alias, or begin with one followed by something that is
 *   not a letter or digit (hint text after the question's words: "date of review for example, 27 3 2026").
 * Controls with no accessible name at all (labelled only by a table cell, a `<dt>` or the text
 * before them, which assistive technology does not tie to them), controls found by their
 * question code (the council words the question its own way) and View answers (text, not
 * controls) are counted, not checked: the oracle has nothing to say of them. A repeating
 * section's entry ("Measure 1") is named by the section around the entries.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { normaliseLabel } from '../../lib/forms/normalise';
import { FORM_KINDS, type Question } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import { buildLabelIndex, collectPage, scanDocument, type ScanResult } from '../../lib/forms/scan';
import { loadFixtures } from '../support/fixtures';
import { EDIT_SHAPES, pageArbitrary, renderPage, shortHtml } from '../support/page-generator';
import { recordReliability } from '../support/reliability';

/** Generated edit pages per form (every edit shape and the baseline mixed). */
const GENERATED_RUNS = 25;

interface Tally {
  /** Controls whose accessible name was compared. */
  checked: number;
  /** …and agreed: the question's label (or alias) begins it. */
  agreed: number;
  /** …or agreed only as one of the scanner's label texts for the control. */
  agreedAsCandidate: number;
  /** Controls with no accessible name (or groups with no named container): not checked. */
  unnamed: number;
  /** View answers (text, not controls): not checked. */
  view: number;
  /** Found by the question's code, not its label: not checked. */
  byCode: number;
  disagreements: string[];
}

const newTally = (): Tally => ({ checked: 0, agreed: 0, agreedAsCandidate: 0, unnamed: 0, view: 0, byCode: 0, disagreements: [] });

const GROUP = 'fieldset, [role=group], [role=radiogroup]';
const CONTROLS = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]), select, textarea, [contenteditable]:not([contenteditable=false])';

/** The group around the element whose name is the question's, if any. */
function namedGroup(element: Element): Element | null {
  return element.parentElement?.closest(GROUP) ?? null;
}

/** A day, month or year box (its own name is "Day", its name attribute "dob_dd"…). */
function isDatePart(element: Element): boolean {
  const hints = [element.getAttribute('name'), element.id, element.getAttribute('placeholder'), element.getAttribute('aria-label')].join(' ').toLowerCase();
  return /(?:^|[^a-z0-9])(?:day|dd)(?![a-z0-9])/.test(hints) || /^day$/i.test(computeAccessibleName(element).trim());
}

/** The element whose accessible name is the question's: the control itself, or its group. */
function nameTarget(element: Element, question: Question): Element | null {
  const type = element.tagName === 'INPUT' ? (element.getAttribute('type') ?? 'text').toLowerCase() : '';
  if (type === 'radio' || (type === 'checkbox' && question.type === 'multi')) return namedGroup(element);
  if (question.type === 'date' && isDatePart(element)) return namedGroup(element);
  // A repeating section's entry (a fieldset "Measure 1"): the section around the entries is the question.
  if (question.type === 'table' && element.tagName !== 'TABLE') return namedGroup(element);
  if (element.tagName === 'TABLE' || !element.matches(CONTROLS)) {
    if (computeAccessibleName(element).trim() !== '') return element;
    // A repeating table or section in a fieldset of its own: the fieldset's legend names it.
    const group = namedGroup(element);
    const others = group ? Array.from(group.querySelectorAll(CONTROLS)).filter((control) => !element.contains(control)) : [];
    return group && others.length === 0 ? group : element;
  }
  return element;
}

/** The scanner's label texts (normalised) for each control it collected, by element. */
function scannerLabels(doc: Document): Map<Element, readonly string[]> {
  const byElement = new Map<Element, readonly string[]>();
  try {
    for (const candidate of collectPage(doc, buildLabelIndex(doc)).candidates) {
      for (const element of [candidate.element, ...candidate.members]) byElement.set(element, candidate.labels);
    }
  } catch {
    // The scanner's collection is being reworked: the question's label alone is then the oracle.
  }
  return byElement;
}

const beginsWith = (name: string, label: string) => name === label || (name.startsWith(label) && !/[\p{L}\p{N}]/u.test(name.charAt(label.length)));

function describeElement(element: Element): string {
  return shortHtml(element.outerHTML.replace(/\s+/g, ' ')).slice(0, 240);
}

/** Holds every control of the scan's result to its accessible name; adds to the tally. */
function checkControls(doc: Document, result: ScanResult, where: string, tally: Tally): void {
  const profile = builtInProfiles.find((candidate) => candidate.id === result.snapshot.profileId)!;
  const labels = scannerLabels(doc);
  for (const [field, element] of result.elements) {
    const foundBy = result.snapshot.fields[field]?.foundBy;
    if (foundBy === 'view') {
      tally.view++;
      continue;
    }
    // Found by its question code (the council words the question its own way): no label to hold it to.
    if (foundBy === 'code') {
      tally.byCode++;
      continue;
    }
    const question = profile.questions.find((candidate) => candidate.name === field)!;
    const target = nameTarget(element, question);
    const name = target ? computeAccessibleName(target) : '';
    if (name.trim() === '') {
      tally.unnamed++;
      continue;
    }
    tally.checked++;
    const normal = normaliseLabel(name);
    const questionLabels = [question.label, ...(question.aliases ?? [])].map(normaliseLabel);
    if (questionLabels.some((label) => beginsWith(normal, label))) tally.agreed++;
    else if ((labels.get(element) ?? []).includes(normal)) tally.agreedAsCandidate++;
    else {
      tally.disagreements.push(
        `${where} ${field}: accessible name "${name}" (normalised "${normal}") does not begin with "${questionLabels.join('" or "')}"` +
          ` nor is one of the scanner's labels [${(labels.get(element) ?? []).join(' | ')}]; ${describeElement(target!)}`,
      );
    }
  }
}

function report(what: string, tally: Tally): void {
  console.log(
    `accessible name oracle, ${what}: ${tally.checked} controls checked, ${tally.agreed + tally.agreedAsCandidate} agreed ` +
      `(${tally.agreedAsCandidate} only as one of the scanner's label texts), ${tally.checked - tally.agreed - tally.agreedAsCandidate} disagreed; ` +
      `not checked: ${tally.unnamed} with no accessible name, ${tally.view} View answers, ${tally.byCode} found by question code`,
  );
}

describe('the accessible name oracle', () => {
  it('agrees with the scanner on every control of the fixture pages', () => {
    const tally = newTally();
    for (const fixture of loadFixtures()) {
      if (fixture.expected.frameOf) continue;
      const dom = new JSDOM(fixture.html, { url: `http://localhost/${fixture.file}`, pretendToBeVisual: true });
      try {
        const result = scanDocument(dom.window.document, builtInProfiles);
        if (result) checkControls(dom.window.document, result, fixture.file, tally);
      } finally {
        dom.window.close();
      }
    }
    report('fixture pages', tally);
    expect(tally.checked, 'controls checked').toBeGreaterThan(0);
    expect(tally.disagreements).toEqual([]);
  });

  it('agrees with the scanner on every control of generated edit pages, every edit shape', ({ task }) => {
    const tally = newTally();
    // Every page is checked and its disagreements listed (no shrinking); MG_SEED replays a run.
    const seed = Number(process.env.MG_SEED) || Date.now() % 2_147_483_647;
    let generatedPages = 0;
    try {
      for (const kind of FORM_KINDS) {
        const pages = fc.sample(pageArbitrary(kind, { shapes: [...EDIT_SHAPES, 'headingEcho'], mode: 'edit' }), { numRuns: GENERATED_RUNS, seed });
        for (const page of pages) {
          generatedPages++;
          const dom = new JSDOM(renderPage(page), { url: 'http://localhost/generated.html', pretendToBeVisual: true });
          try {
            const result = scanDocument(dom.window.document, builtInProfiles);
            expect(result, `a generated ${kind} page is recognised (MG_SEED=${seed})`).not.toBeNull();
            checkControls(dom.window.document, result!, `${kind} page ${generatedPages} (MG_SEED=${seed}):`, tally);
          } finally {
            dom.window.close();
          }
        }
      }
    } finally {
      report(`${generatedPages} generated edit pages (MG_SEED=${seed})`, tally);
      recordReliability(task, { generatedPages });
    }
    expect(tally.checked, 'controls checked').toBeGreaterThan(0);
    expect(tally.disagreements).toEqual([]);
  }, 120_000);
});
