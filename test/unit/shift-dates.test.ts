/**
 * The demo's date shifting (test/support/shift-dates.ts): every format the sample pages use, month
 * ends and leap years, what is not a date left alone; and every fixture page, shifted, read back as
 * its expected answers shifted by the same days.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { builtInProfiles } from '../../lib/forms/profiles';
import { scanDocument } from '../../lib/forms/scan';
import { FIXTURES_DIR, loadFixtures, simpleForm } from '../support/fixtures';
import { daysBetween, shiftDates } from '../support/shift-dates';

describe('daysBetween', () => {
  it('counts calendar days, across month and year ends and a leap day', () => {
    expect(daysBetween('2026-11-25', '2026-12-07')).toBe(12);
    expect(daysBetween('2026-12-07', '2026-11-25')).toBe(-12);
    expect(daysBetween('2026-11-25', '2026-11-25')).toBe(0);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    // British Summer Time starts and ends in between: still whole days.
    expect(daysBetween('2027-03-01', '2027-11-01')).toBe(245);
  });
});

describe('shiftDates', () => {
  it('moves every format the sample pages use, each written as it was', () => {
    expect(shiftDates('<input type="date" value="2026-06-04">', 12)).toBe('<input type="date" value="2026-06-16">');
    expect(shiftDates('04/06/2026', 12)).toBe('16/06/2026');
    expect(shiftDates('4/6/2026', 3)).toBe('7/6/2026');
    expect(shiftDates('4/6/2026', 30)).toBe('4/7/2026');
    expect(shiftDates('04-06-2026 and 04.06.2026', 1)).toBe('05-06-2026 and 05.06.2026');
    expect(shiftDates('14\u201305\u20132026', 20)).toBe('03\u201306\u20132026');
    expect(shiftDates('4 June 2026', 12)).toBe('16 June 2026');
    expect(shiftDates('4 June, 2026', 30)).toBe('4 July, 2026');
    expect(shiftDates('04-Jun-2026 00:00', 30)).toBe('04-Jul-2026 00:00');
    expect(shiftDates('04-JUN-2026', 30)).toBe('04-JUL-2026');
    expect(shiftDates('1 Sept 2026 and 1 Sep. 2026', 30)).toBe('1 Oct 2026 and 1 Oct. 2026');
    expect(shiftDates('31 Aug 2026', 1)).toBe('1 Sep 2026');
    expect(shiftDates('For example, 27 3 2026', 12)).toBe('For example, 8 4 2026');
    expect(shiftDates("dateField('start', '01/04/2026');", 12)).toBe("dateField('start', '13/04/2026');");
  });

  it('moves a date given as three boxes, whatever order the attributes are in', () => {
    const boxes = (day: string, month: string, year: string) =>
      `<div><span>Day</span><input aria-label="Day" name="dec_dd" value="${day}"></div>\n` +
      `<div><span>Month</span><input name="dec_mm" value="${month}" aria-label="Month"></div>\n` +
      `<div><span>Year</span><input class="year" aria-label="Year" name="dec_yyyy" value="${year}"></div>`;
    expect(shiftDates(boxes('26', '03', '2026'), 12)).toBe(boxes('07', '04', '2026'));
    expect(shiftDates(boxes('1', '4', '2026'), 12)).toBe(boxes('13', '4', '2026'));
    expect(shiftDates(boxes('31', '12', '2026'), 1)).toBe(boxes('01', '01', '2027'));
    // Empty boxes, and boxes that are not a real date, stay as they are.
    expect(shiftDates(boxes('', '', ''), 12)).toBe(boxes('', '', ''));
    expect(shiftDates(boxes('31', '02', '2026'), 12)).toBe(boxes('31', '02', '2026'));
  });

  it('handles month ends and leap years', () => {
    expect(shiftDates('31/01/2028', 29)).toBe('29/02/2028');
    expect(shiftDates('28/02/2028', 1)).toBe('29/02/2028');
    expect(shiftDates('28/02/2027', 1)).toBe('01/03/2027');
    expect(shiftDates('2100-02-28', 1)).toBe('2100-03-01');
    expect(shiftDates('2000-02-28', 1)).toBe('2000-02-29');
    expect(shiftDates('29 February 2028', 365)).toBe('28 February 2029');
    expect(shiftDates('01-Mar-2028', -1)).toBe('29-Feb-2028');
    expect(shiftDates('31 December 2026', 1)).toBe('1 January 2027');
    expect(shiftDates('1 January 2027', -1)).toBe('31 December 2026');
    expect(shiftDates('30/04/2026', 1)).toBe('01/05/2026');
  });

  it('leaves what is not a real date, and what is no date at all, as it is', () => {
    const untouched = [
      '31/02/2026',
      '31/06/2026',
      '29/02/2027',
      '1/6/26',
      '2026-13-01',
      '32 May 2026',
      'Robin Lee (8800001)',
      'Tel. 0161 496 0000',
      'Saved at 10:30:00',
      'blocked in May, reviewed in 2026',
      '12/06/20260',
    ];
    for (const text of untouched) expect(shiftDates(text, 12)).toBe(text);
    expect(shiftDates('04/06/2026', 0)).toBe('04/06/2026');
  });

  it('moves the tracking samples (written for 25 November 2026) to another day, every date with them', () => {
    const page = readFileSync(join(FIXTURES_DIR, 'tracking', 'agreement.html'), 'utf8');
    const shifted = shiftDates(page, 12);
    expect(shifted).toContain('value="06/11/2026"'); // first review, 25 October + 12 days
    expect(shifted).toContain('value="13/10/2026"'); // start
    expect(shifted).toContain('value="12/04/2027"'); // end, 31 March + 12 days
    expect(shifted).toContain('(8800001)');
    expect(shifted.match(/\d{2}\/\d{2}\/\d{4}/g)).toHaveLength(page.match(/\d{2}\/\d{2}\/\d{4}/g)!.length);
  });
});

/** Every string in an expectation with its dates moved: ISO answers and dates inside text alike. */
function shiftedExpectation<T>(value: T, days: number): T {
  if (typeof value === 'string') return shiftDates(value, days) as T;
  if (Array.isArray(value)) return value.map((item) => shiftedExpectation(item, days)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftedExpectation(item, days)])) as T;
  return value;
}

describe('every fixture page, its dates shifted', () => {
  // Shifts over a month end, a year end and a leap day, both ways.
  const SHIFTS = [12, 100, 640, -45];
  for (const fixture of loadFixtures()) {
    const expected = fixture.expected.form;
    if (fixture.expected.frameOf || !expected) continue;
    it(`${fixture.file} reads back as expected, every date moved`, async () => {
      for (const days of SHIFTS) {
        const dom = new JSDOM(shiftDates(fixture.html, days), { url: `http://localhost/${fixture.file}`, runScripts: 'dangerously', pretendToBeVisual: true });
        try {
          await new Promise((resolve) => dom.window.addEventListener('load', resolve));
          if (/setTimeout/.test(fixture.html)) await new Promise((resolve) => setTimeout(resolve, 600));
          const result = scanDocument(dom.window.document, builtInProfiles);
          expect(result, `${days} days`).not.toBeNull();
          const actual = simpleForm(result!.snapshot);
          expect({ ...actual.answers }, `${days} days`).toEqual(shiftedExpectation(expected.answers, days));
        } finally {
          dom.window.close();
        }
      }
    });
  }
});
