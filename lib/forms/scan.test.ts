import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { builtInProfiles } from './profiles';
import fc from 'fast-check';
import { codeMatches, prepareProfiles, scanDocument, shownTitles } from './scan';
import { labelPrefilter, normaliseLabel } from './normalise';
import { readableText } from './text';
import type { FormProfile } from './profile';
import { simpleAnswer } from '../../test/support/fixtures';

function page(body: string, title = '') {
  return new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'http://localhost/',
  }).window.document;
}

const reviewTitle = '<h1>Internet monitoring: agreement review - Sam Taylor (1234567)</h1>';

function answers(doc: Document) {
  const result = scanDocument(doc, builtInProfiles);
  if (!result) return null;
  return Object.fromEntries(Object.entries(result.snapshot.fields).map(([name, field]) => [name, simpleAnswer(field.value)]));
}

describe('recognising a form', () => {
  it('needs the title and the questions', () => {
    const questions = `
      <label for="a">Date of review</label><input id="a" value="04/06/2026">
      <label for="b">Outcome</label><select id="b"><option></option><option selected>Continue</option></select>
      <label for="c">Date of next review</label><input id="c" value="04/09/2026">`;
    expect(scanDocument(page(reviewTitle + questions), builtInProfiles)?.snapshot.kind).toBe('review');
    expect(scanDocument(page(questions), builtInProfiles)).toBeNull();
    expect(scanDocument(page(reviewTitle + '<p>Status: Completed</p>'), builtInProfiles)).toBeNull();
  });

  it('is not fooled by the questions two forms share', () => {
    // An agreement's title mentioned on a review page, and only labels both forms have.
    const doc = page(`<h1>Internet monitoring: written agreement</h1>
      <label for="a">Agreement start date</label><input id="a">
      <label for="b">Agreement end date</label><input id="b">
      <label for="c">Notes</label><input id="c">`);
    expect(scanDocument(doc, builtInProfiles)).toBeNull();
  });

  it('recognises a form shown one section at a time from its title and one question only it has', () => {
    const placement = `<h1>Internet monitoring: decision record - Sam Taylor (1234567)</h1><h2>Placement</h2>
      <label for="p">Placement type</label><select id="p"><option></option><option selected>Foster care</option></select>`;
    const result = scanDocument(page(placement), builtInProfiles)!;
    expect(result.snapshot.kind).toBe('decision');
    expect(result.snapshot.missing).toHaveLength(builtInProfiles.find((profile) => profile.kind === 'decision')!.questions.length - 1);
    expect(Object.keys(result.snapshot.fields)).toEqual(['placementType']);
    expect(result.snapshot.sections?.placementType).toBe('Placement');
    // The same page with only a question two forms share is not that form.
    const shared = `${reviewTitle}<label for="a">Agreement start date</label><input id="a">`;
    expect(scanDocument(page(shared), builtInProfiles)).toBeNull();
  });

  it('recognises an older title', () => {
    const doc = page(`<h1>Monitoring agreement</h1>
      <label for="a">Monitoring measures agreed</label><textarea id="a">Filter</textarea>
      <label for="b">Agreement start date</label><input id="b">
      <label for="c">Date of first review</label><input id="c">`);
    expect(scanDocument(doc, builtInProfiles)?.snapshot.title).toBe('monitoring agreement');
  });

  it('lists the questions it could not find, in form order', () => {
    const doc = page(`${reviewTitle}
      <label for="c">Date of next review</label><input id="c">
      <label for="a">Date of review</label><input id="a">
      <label for="b">Outcome</label><select id="b"><option>Continue</option></select>`);
    expect(scanDocument(doc, builtInProfiles)?.snapshot.missing).toEqual([
      'agreementStartDate', 'agreementEndDate', 'attendees', 'youngPersonNotAttendedReason', 'youngPersonViews',
      'actionPlanProgress', 'stillNecessary', 'necessityReasons',
    ]);
  });
});

describe('reading answers', () => {
  it('keeps an impossible date as invalid, with its text', () => {
    const doc = page(`${reviewTitle}
      <label for="a">Date of review</label><input id="a" value="31/02/2026">
      <label for="b">Outcome</label><select id="b"><option>End monitoring</option></select>
      <label for="c">Date of next review</label><input id="c" value="">`);
    expect(answers(doc)).toMatchObject({ reviewDate: { invalid: '31/02/2026' }, nextReviewDate: null, outcome: 'endMonitoring' });
  });

  it('reads yes/no as a checkbox, radios, or a dropdown', () => {
    const doc = page(`${reviewTitle}
      <label for="a">Date of review</label><input id="a">
      <input type="checkbox" id="b" checked><label for="b">Is monitoring still necessary?</label>
      <label for="c">Outcome</label><select id="c"><option value="">Please select</option><option>Continue</option></select>
      <label for="d">Date of next review</label><input id="d">`);
    expect(answers(doc)).toMatchObject({ stillNecessary: 'yes', outcome: null });
    const radios = page(`${reviewTitle}
      <label for="a">Date of review</label><input id="a">
      <fieldset><legend>Is monitoring still necessary?</legend>
        <label><input type="radio" name="n" value="Y"> Yes</label><label><input type="radio" name="n" value="N" checked> No</label></fieldset>
      <label for="d">Date of next review</label><input id="d">`);
    expect(answers(radios)).toMatchObject({ stillNecessary: 'no' });
    const unanswered = page(`${reviewTitle}
      <label for="a">Date of review</label><input id="a">
      <label for="s">Is monitoring still necessary?</label><select id="s"><option></option><option>Yes</option><option>No</option></select>
      <label for="d">Date of next review</label><input id="d">`);
    expect(answers(unanswered)).toMatchObject({ stillNecessary: null });
  });

  it('keeps an answer the profile does not know, so it is never taken as a known one', () => {
    const doc = page(`${reviewTitle}
      <label for="a">Date of review</label><input id="a">
      <label for="b">Outcome</label><select id="b"><option>Pause monitoring</option></select>
      <label for="c">Date of next review</label><input id="c">`);
    const result = scanDocument(doc, builtInProfiles)!;
    expect(result.snapshot.fields.outcome!.value).toEqual({ type: 'choice', answer: null, text: 'Pause monitoring' });
  });

  it('marks questions the page hides, and prefers a shown control to a hidden copy', () => {
    const doc = page(`${reviewTitle}
      <label for="a">Date of review</label><input id="a">
      <div hidden><label for="r">Reason the young person did not attend</label><input id="r"></div>
      <div style="display:none"><label for="x">Outcome</label><select id="x"><option>End monitoring</option></select></div>
      <label for="b">Outcome</label><select id="b"><option>Continue</option></select>
      <label for="c">Date of next review</label><input id="c">`);
    const { fields } = scanDocument(doc, builtInProfiles)!.snapshot;
    expect(fields.youngPersonNotAttendedReason!.hidden).toBe(true);
    expect(fields.outcome!.hidden).toBe(false);
    expect(simpleAnswer(fields.outcome!.value)).toBe('continue');
  });

  it('finds a question by its code when the label is the council’s own', () => {
    const doc = page(`${reviewTitle}
      <label for="a">When did the review take place?</label><input id="a" name="MR_DATE" value="4 June 2026">
      <label for="b">What happens next</label><select id="b" data-question-code="MR_OUTCOME"><option>Continue</option></select>
      <label for="c">Next one</label><input id="MR_NEXT_REVIEW-input" value="2026-09-01">`);
    const result = scanDocument(doc, builtInProfiles)!;
    expect(answers(doc)).toMatchObject({ reviewDate: '2026-06-04', outcome: 'continue', nextReviewDate: '2026-09-01' });
    expect(result.snapshot.fields.reviewDate!.foundBy).toBe('code');
  });

  it('does not take a code inside a longer code', () => {
    const doc = page(`${reviewTitle}
      <label for="a">Date of review</label><input id="a">
      <label for="b">Outcome</label><select id="b"><option>Continue</option></select>
      <label for="c">Something else</label><input id="c" name="MR_DATE_OF_BIRTH">
      <label for="d">Young person's views</label><input id="d">`);
    const result = scanDocument(doc, builtInProfiles)!;
    expect([...result.elements.values()]).not.toContain(doc.getElementById('c'));
    expect(result.snapshot.missing).toContain('agreementStartDate');
  });

  it('gives every field a locator that finds its control again', () => {
    const doc = page(`${reviewTitle}<div><div>
      <label for="a">Date of review</label><input id="a">
      <p>Outcome</p><select><option>Continue</option></select>
      <label>Date of next review <input></label></div></div>`);
    const result = scanDocument(doc, builtInProfiles)!;
    for (const [name, field] of Object.entries(result.snapshot.fields)) {
      expect(doc.querySelector(field.locator), name).toBe(result.elements.get(name));
    }
    expect(JSON.parse(JSON.stringify(result.snapshot))).toEqual(result.snapshot);
  });
});

describe('found by generated pages (test/unit/generated-pages.test.ts)', () => {
  it('reads day, month and year boxes named with underscores (rev_dd, rev_mm, rev_yyyy)', () => {
    const doc = page(`${reviewTitle}
      <label for="a">Agreement start date</label><input id="a" value="01/07/2026">
      <label for="b">Agreement end date</label><input id="b" value="31/12/2026">
      <fieldset><legend>Date of review</legend>
      <input name="rev_dd" value="1"> <input name="rev_mm" value="8"> <input name="rev_yyyy" value="2026"></fieldset>`);
    expect(answers(doc)?.reviewDate).toBe('2026-08-01');
  });

  it('matches "&/or" written for "and/or"', () => {
    const doc = page(`<h1>Internet monitoring: decision record</h1>
      <label for="a">Date of decision</label><input id="a" value="15/06/2026">
      <label for="b">Placement type</label><select id="b"><option selected>Foster care</option></select>
      <label for="e">Team Manager</label><input id="e" value="Terry">
      <label for="c">Is surveillance &amp;/or monitoring warranted?</label><select id="c"><option value=""></option><option selected>Yes</option><option>No</option></select>`);
    expect(answers(doc)?.monitoringWarranted).toBe('yes');
  });
});

describe('question codes', () => {
  it('the one quick test of a profile lets through exactly the codes that match one of its questions', () => {
    const codeChars = fc.constantFrom('a', 'b', '_', '-', '.', ':', '[', ']', '1', '(', '*', '$', '\\', '^', '|', '?', '/');
    const code = fc.string({ unit: codeChars, minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(code, { minLength: 1, maxLength: 5 }), fc.array(fc.oneof(code, fc.string({ unit: codeChars, maxLength: 10 })), { maxLength: 20 }), (codes, candidates) => {
        const profile: FormProfile = {
          id: 'codes',
          kind: 'agreement',
          title: 'Codes',
          questions: codes.map((value, index) => ({ name: `q${index}`, type: 'text', label: `Question ${index}`, code: value })),
        } as FormProfile;
        const [prepared] = prepareProfiles([profile]);
        for (const candidate of [...candidates, ...codes, ...codes.map((value) => `${value}__x`), ...codes.map((value) => `${value}x`)]) {
          const lower = candidate.toLowerCase();
          expect(prepared!.mayBeCode!.test(lower)).toBe(prepared!.codes.some(([value]) => codeMatches(lower, value)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** shownTitles as it was written first: every text node of the page, one by one. */
function shownTitlesByEveryText(doc: Document, titles: readonly string[]): Set<string> {
  const shown = new Set<string>();
  const mayHoldTitle = labelPrefilter(titles);
  const mayHoldPart = labelPrefilter(titles, { part: true });
  const check = (raw: string) => {
    if (!mayHoldTitle(raw)) return;
    const text = normaliseLabel(raw);
    for (const title of titles) if (text.includes(title)) shown.add(title);
  };
  if (doc.title) check(doc.title);
  const body = doc.body;
  const walker = doc.createTreeWalker(body, 4);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!mayHoldPart(node.nodeValue ?? '')) continue;
    let element = node.parentElement;
    for (let depth = 0; element && element !== body && depth < 3; depth++, element = element.parentElement) {
      if (seen.has(element)) break;
      seen.add(element);
      if ((element.textContent ?? '').length > 300) break;
      if (element.closest('script, style, template, noscript, select, textarea, monitoring-guard')) break;
      const before = shown.size;
      check(readableText(element));
      if (shown.size > before) break;
    }
  }
  return shown;
}

describe('finding the titles a page shows', () => {
  const titles = prepareProfiles(builtInProfiles).flatMap((prepared) => prepared.titles);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const text = fc
    .constantFrom(
      'Internet monitoring: written agreement',
      'Internet monitoring: ',
      'written agreement',
      'Monitoring agreement review',
      'Decision to monitor internet use',
      'INTERNET MONITORING: DECISION RECORD',
      'Internet\u00a0monitoring: agreement review',
      'Internet ｍｏｎｉｔｏｒｉｎｇ: written agreement',
      'monitor',
      'ing',
      ' - Sam Taylor (1234567)',
      'Placement plan',
      'Section 3',
      '\u00a0',
      'Save',
      'x'.repeat(310),
    )
    .map(escape);
  const tags = fc.constantFrom('div', 'span', 'b', 'h1', 'p', 'section', 'td', 'script', 'style', 'textarea', 'noscript', 'monitoring-guard');
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.tuple(tags, fc.array(tie('tree'), { maxLength: 4 })).map(([tag, children]) =>
        // A text area holds text only.
        tag === 'textarea' ? `<textarea>${children.filter((child) => !child.startsWith('<')).join('')}</textarea>` : `<${tag}>${children.join('')}</${tag}>`,
      ),
    ),
  }));

  it('finds exactly what reading every text node finds, while skipping elements whose text holds no title word', () => {
    const doc = page('');
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.constantFrom('', 'Placement plan', 'Internet monitoring: written agreement'), (parts, title) => {
        doc.title = title;
        doc.body.innerHTML = parts.join('');
        expect([...shownTitles(doc, titles)].sort()).toEqual([...shownTitlesByEveryText(doc, titles)].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('finds a title split by markup deep in a long page', () => {
    const filler = Array.from({ length: 50 }, (_, index) => `<section><h2>Section ${index}</h2><p>Placement address</p></section>`).join('');
    const doc = page(`${filler}<div><div><div class="bar"><span>Internet monitoring:</span> <b>agreement review</b></div></div></div>${filler}`);
    expect([...shownTitles(doc, titles)]).toEqual(['internet monitoring: agreement review']);
  });
});

describe('reading the read-only view, each answer its own question’s only', () => {
  const view = (body: string) => answers(page(`${reviewTitle}<h2>Review</h2>${body}`));
  const rest = `<div class="row"><span class="label">Date of review</span><span class="value">04/06/2026</span></div>`;
  it.each([
    ['a Change link beside an unanswered question', `<div class="row"><span class="label">Young person's views</span><a href="#" class="change">Change</a></div>${rest}`],
    ['a help button', `<div class="row"><span class="label">Young person's views</span><button type="button">?</button></div>${rest}`],
    ['a hint after the label', `<div class="row"><span class="label">Young person's views</span><span class="hint">In their own words</span></div>${rest}`],
    ['a link after the last question', `${rest}<div class="row"><span class="label">Young person's views</span></div><a href="#top">Back to top</a>`],
    ['a block holding a heading', `<div class="row"><span class="label">Young person's views</span></div><div class="section"><h2>Progress</h2><p>No progress recorded</p></div>${rest}`],
    ['a question and its answer in one element', `<ul><li>Young person's views:</li><li>Outcome: Continue</li></ul>${rest}`],
    ['bold labels of two kinds', `<ul><li><b>Young person's views:</b></li><li><strong>Date of review:</strong> 04/06/2026</li></ul>`],
    ['a Change cell', `<table><tr><td>Young person's views</td><td><a href="#">Change</a></td></tr><tr><td>Date of review</td><td>04/06/2026</td></tr></table>`],
    ['questions as column headers', `<table><tr><th>Date of review</th><th>Young person's views</th><th>Comments</th></tr><tr><td>04/06/2026</td><td></td><td>blah</td></tr></table>`],
  ])('reads an unanswered question as unanswered beside %s', (_, body) => {
    const read = view(body)!;
    expect(read.youngPersonViews).toBe('');
    expect(read.reviewDate).toBe('2026-06-04');
  });

  it('reads an answer given as text after its label in the same element', () => {
    expect(view(`<ul><li><b>Date of review:</b> 04/06/2026</li><li><b>Young person's views:</b> They agree <em>strongly</em></li></ul>`)).toMatchObject({
      reviewDate: '2026-06-04',
      youngPersonViews: 'They agree strongly',
    });
  });

  it('never takes a section heading for the question with its words', () => {
    const read = view(`<h2>Progress</h2><div class="row"><span class="label">Date of review</span><span class="value">04/06/2026</span></div><h2>Outcome</h2><p>Preferred language: English</p>`)!;
    expect(read.outcome).toBeUndefined();
  });
});

describe('labels with more than the question', () => {
  it('takes a hint after the question’s words, not words that go on with it', () => {
    const outcomeOnly = `${reviewTitle}<label for="d">Date of review <span>For example, 27 3 2026</span></label><input id="d" value="04/06/2026">
      <label for="r">Reasons <span>for the outcome</span></label><textarea id="r">Going well</textarea>`;
    const read = answers(page(outcomeOnly))!;
    expect(read.reviewDate).toBe('2026-06-04');
    expect(read.necessityReasons).toBeUndefined();
  });

  it('names a control with no label of its own by its title, not by loose text near it', () => {
    const read = answers(page(`${reviewTitle}<label for="d">Date of review</label><input id="d" value="04/06/2026">
      <div><span>Young person's views</span></div><input title="Notes" value="extra note">`))!;
    expect(read.youngPersonViews).toBeUndefined();
  });

  it('reads a hidden text area holding HTML as the text it shows', () => {
    const read = answers(page(`${reviewTitle}<label for="d">Date of review</label><input id="d" value="04/06/2026">
      <label for="v">Young person's views</label><div><textarea id="v" style="display:none">&lt;p&gt;&amp;nbsp;&lt;/p&gt;</textarea></div>`))!;
    expect(read.youngPersonViews).toBe('');
  });
});
