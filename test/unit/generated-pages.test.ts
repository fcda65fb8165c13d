/**
 * Generated pages (fast-check): each of the three forms laid out at random – every label source
 * and control the scanner supports, forms.md's label variations, unrelated questions mixed in,
 * and answers that include markup, odd Unicode and huge texts – must be recognised, read back
 * exactly (an empty answer empty, never as another question's text), marked read-only when it is
 * a View, and judged as the answers themselves are judged.
 *
 * Three groups of tests (test/support/page-generator.ts lists the shapes):
 * - the baseline edit layouts, on each form;
 * - each shape on its own (on top of the baseline), every page exercising it: "shape viewDl";
 * - every shape together, edit and View pages, on each form.
 *
 * One shape alone, with more pages:
 *   MG_SHAPES=viewDl npx vitest run --project unit test/unit/generated-pages.test.ts
 *   MG_SHAPES=hintSpan,titleOnly MG_RUNS=300 npx vitest run … (MG_SHAPES=all: every shape; MG_KINDS=review: one form)
 * or the shape's own test: npx vitest run … -t "shape viewDl". MG_PAGE_HTML=1 prints a failing
 * page's whole HTML; the failure itself lists each question read wrong, its shapes and its markup.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { FORM_KINDS, type FormKind } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import { scanDocument } from '../../lib/forms/scan';
import type { FormSnapshot } from '../../lib/forms/snapshot';
import { evaluate } from '../../lib/procedure/evaluate';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { simpleForm, type ExpectedForm } from '../support/fixtures';
import {
  expectedAnswers,
  expectedHidden,
  expectedMissing,
  expectedReadOnly,
  hostileInputs,
  pageArbitrary,
  pageShapes,
  parseShapes,
  renderPageParts,
  SHAPE_KINDS,
  SHAPES,
  shortHtml,
  type GeneratedPage,
  type Placement,
  type Shape,
} from '../support/page-generator';
import { recordReliability } from '../support/reliability';
import { snapshotFor } from '../support/snapshots';

/** Pages per form of the baseline, per shape on its own, per form with every shape: about 20 seconds in all when they pass. */
const BASELINE_RUNS = 40;
const SHAPE_RUNS = 8;
const ALL_SHAPES_RUNS = 20;
/**
 * A shape's test stops after this long (a failure then shows the smallest page found so far):
 * several times what its pages take when they pass. The baseline has no limit.
 */
const TIME_LIMIT_MS = 1_200;

const context = { today: '2026-11-25', settings: DEFAULT_SETTINGS, trackedReviewDue: null };

/** The verdict without its messages (they name locators and answers): which rule, how bad, on what. */
function verdict(snapshot: FormSnapshot) {
  return evaluate(snapshot, context)
    .gaps.map((gap) => ({ rule: gap.rule, severity: gap.severity, kind: gap.kind, fields: gap.fields }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/**
 * The snapshot of the answers themselves, to judge: as snapshotFor makes it, with a multi's
 * answers the profile does not know ("?N/A") as unrecognised, and a yes/no's text that is neither
 * ("N/A") kept, as the scanner reads them.
 */
function answersSnapshot(page: GeneratedPage): FormSnapshot {
  const snapshot = snapshotFor(page.kind, expectedAnswers(page), {
    missing: expectedMissing(page),
    hidden: expectedHidden(page),
    readOnly: expectedReadOnly(page),
  });
  for (const placement of page.placements) {
    const field = placement.field === null || placement.omitted ? undefined : snapshot.fields[placement.field];
    if (!field) continue;
    if (field.value.type === 'multi') {
      const all = field.value.answers;
      field.value = { type: 'multi', answers: all.filter((answer) => !answer.startsWith('?')), unrecognised: all.filter((answer) => answer.startsWith('?')).map((answer) => answer.slice(1)) };
    }
    if (field.value.type === 'yesno' && placement.verdictText !== undefined) field.value = { type: 'yesno', answer: null, text: placement.verdictText };
  }
  return snapshot;
}

const show = (value: unknown) => (value === undefined ? '(not found)' : shortHtml(JSON.stringify(value)).slice(0, 300));

/** Each question read wrong: what it should read, what was read, its shapes, and its markup. */
function readWrong(page: GeneratedPage, parts: Map<Placement, string>, read: ExpectedForm): string[] {
  const lines: string[] = [];
  for (const placement of page.placements) {
    if (placement.field === null) continue;
    const { field } = placement;
    const where = () => `[${placement.shapes.join(', ') || 'baseline'}] ${shortHtml(parts.get(placement) ?? '').replace(/\s+/g, ' ').slice(0, 700)}`;
    if (placement.omitted) {
      if (!read.missing.includes(field)) lines.push(`${field}: left out of the page, but read as ${show(read.answers[field])}`);
      continue;
    }
    if (read.missing.includes(field) || !(field in read.answers)) lines.push(`${field}: not found ${where()}`);
    else if (!isDeepStrictEqual(read.answers[field], placement.answer)) {
      lines.push(`${field}: expected ${show(placement.answer)}, read ${show(read.answers[field])} ${where()}`);
    }
  }
  return lines;
}

function checkPage(page: GeneratedPage): void {
  const { html, parts } = renderPageParts(page);
  const dom = new JSDOM(html, { url: 'http://localhost/generated.html', pretendToBeVisual: true });
  try {
    // 1. Nothing throws.
    const result = scanDocument(dom.window.document, builtInProfiles);
    expect(result, 'the form is recognised').not.toBeNull();
    const snapshot = result!.snapshot;
    const scannedVerdict = verdict(snapshot);

    // 2. The right form, read-only if a View, every question shown found (hidden ones marked), every answer read back as put in.
    const read = simpleForm(snapshot);
    const wrong = readWrong(page, parts, read);
    const message = `${page.mode} page of the ${page.kind} form; questions read wrong:\n  ${wrong.join('\n  ') || '(none)'}\n`;
    expect(read.kind).toBe(page.kind);
    expect(read.readOnly, message).toBe(expectedReadOnly(page));
    expect(read.missing, message).toEqual(expectedMissing(page));
    expect([...read.hidden].sort(), message).toEqual([...expectedHidden(page)].sort());
    expect(read.answers, message).toEqual(expectedAnswers(page));

    // 3. The rules judge the page as they judge the answers themselves.
    expect(scannedVerdict).toEqual(verdict(answersSnapshot(page)));
  } finally {
    dom.window.close();
  }
}

/** `timeLimit`: stop (shrinking a failure, or running) after that long; the baseline runs every page. */
function runPages(arbitrary: fc.Arbitrary<GeneratedPage>, numRuns: number, task: { meta: object }, timeLimit?: number): void {
  let generatedPages = 0;
  let hostile = 0;
  try {
    fc.assert(
      fc.property(arbitrary, (page) => {
        generatedPages++;
        hostile += hostileInputs(page);
        checkPage(page);
      }),
      { numRuns, ...(timeLimit ? { interruptAfterTimeLimit: timeLimit } : {}) },
    );
  } finally {
    recordReliability(task, { generatedPages, hostileInputs: hostile });
  }
}

/** Pages of these forms (one at random) with these shapes, each page exercising `mustUse` if given. */
function pagesOf(kinds: readonly FormKind[], shapes: readonly Shape[], mustUse?: Shape): fc.Arbitrary<GeneratedPage> {
  const pages = fc.constantFrom(...kinds).chain((kind) => pageArbitrary(kind, { shapes }));
  return mustUse ? pages.filter((page) => pageShapes(page).includes(mustUse)) : pages;
}

const selected = process.env.MG_SHAPES ? parseShapes(process.env.MG_SHAPES) : null;
const selectedKinds = (process.env.MG_KINDS?.split(',') as FormKind[] | undefined) ?? FORM_KINDS;
const runs = Number(process.env.MG_RUNS) || null;

if (selected) {
  describe(`generated pages with ${selected.join(', ')}`, () => {
    for (const kind of selectedKinds) {
      const kinds = selected.length === 1 && SHAPE_KINDS[selected[0]!] ? SHAPE_KINDS[selected[0]!]!.filter((only) => only === kind) : [kind];
      if (kinds.length === 0) continue;
      const mustUse = selected.length === 1 ? selected[0] : undefined;
      it(`reads every generated ${kind} page exactly`, ({ task }) => runPages(pagesOf(kinds, selected, mustUse), runs ?? 100, task, TIME_LIMIT_MS * 5), 600_000);
    }
  });
} else {
  describe('generated pages: the baseline edit layouts', () => {
    for (const kind of FORM_KINDS) {
      it(`reads every generated ${kind} page exactly and judges it as its answers`, ({ task }) => {
        runPages(pageArbitrary(kind), runs ?? BASELINE_RUNS, task);
      }, 120_000);
    }
  });

  describe('generated pages: one shape at a time', () => {
    for (const shape of SHAPES) {
      it(`shape ${shape}: reads every page exactly`, ({ task }) => {
        runPages(pagesOf(SHAPE_KINDS[shape] ?? FORM_KINDS, [shape], shape), runs ?? SHAPE_RUNS, task, TIME_LIMIT_MS);
      }, 120_000);
    }
  });

  describe('generated pages: every shape together, edit and View', () => {
    for (const kind of FORM_KINDS) {
      it(`reads every generated ${kind} page exactly and judges it as its answers`, ({ task }) => {
        runPages(pageArbitrary(kind, { shapes: SHAPES }), runs ?? ALL_SHAPES_RUNS, task, TIME_LIMIT_MS);
      }, 120_000);
    }
  });
}
