import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { controlLabelTexts, groupLabelTexts, groupContainer, textBefore } from './labels';

function control(html: string, selector = '#q') {
  const doc = new JSDOM(`<!doctype html><body>${html}`).window.document;
  return doc.querySelector(selector)!;
}

describe('where a label is found', () => {
  it.each([
    ['label[for]', '<label for="q">Date of review</label><input id="q">'],
    ['a wrapping label, without the options of a dropdown', '<label>Date of review <select id="q"><option>One</option></select></label>'],
    ['aria-labelledby', '<span id="l">Date of review</span><input id="q" aria-labelledby="l">'],
    ['aria-label', '<input id="q" aria-label="Date of review">'],
    ['the dt of its dd', '<dl><dt>Date of review</dt><dd><input id="q"></dd></dl>'],
    ['the cell beside', '<table><tr><th>Date of review</th><td><input id="q"></td></tr></table>'],
    ['the cell above', '<table><tr><td>Date of review</td><td>Outcome</td></tr><tr><td><input id="q"></td><td><input></td></tr></table>'],
    ['the cell above, across a thead', '<table><thead><tr><th>Notes</th><th>Date of review</th></tr></thead><tbody><tr><td><input></td><td><input id="q"></td></tr></tbody></table>'],
    ['the text just before', '<div><span>3.1</span> <span>Date of review</span><span>*</span></div><input id="q">'],
  ])('finds it in %s', (_, html) => {
    expect(controlLabelTexts(control(html)).map((text) => text.replace(/\s*\*$/, '').replace(/^3\.1 /, ''))).toContain('Date of review');
  });

  it('puts the nearest label first', () => {
    const labels = controlLabelTexts(control('<p>Section 2</p><label for="q">Date of review</label><input id="q" aria-label="Review date">'));
    expect(labels[0]).toBe('Date of review');
    expect(labels[1]).toBe('Review date');
  });

  it('stops at the previous control', () => {
    expect(textBefore(control('<p>Date of review</p><input><input id="q">'))).toBeNull();
  });

  it('finds a group’s label in its legend, or before its first member', () => {
    const radio = control('<fieldset><legend>Outcome</legend><label><input type="radio" id="q" name="o"> Continue</label></fieldset>');
    expect(groupLabelTexts(groupContainer(radio), radio)[0]).toBe('Outcome');
    const loose = control('<p>Outcome</p><label><input type="radio" id="q" name="o"> Continue</label><label><input type="radio" name="o"> End</label>');
    expect(groupLabelTexts(null, loose)).toContain('Outcome');
  });
});
