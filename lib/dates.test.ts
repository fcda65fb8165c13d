import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDate, invalidDateReason, isLeapYear, parseDate, parseDateParts } from './dates';

describe('parseDate', () => {
  it.each([
    ['04/06/2026', '2026-06-04'],
    ['4/6/2026', '2026-06-04'],
    ['04.06.2026', '2026-06-04'],
    ['04-06-2026', '2026-06-04'],
    ['04-Jun-2026', '2026-06-04'],
    ['04-JUN-2026', '2026-06-04'],
    ['4 June 2026', '2026-06-04'],
    ['4 Jun 2026', '2026-06-04'],
    ['Thursday 4 June 2026', '2026-06-04'],
    ['4th June 2026', '2026-06-04'],
    ['2026-06-04', '2026-06-04'],
    ['  04/06/2026  ', '2026-06-04'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/2026', '2026-12-31'],
    ['30-Sept-2026', '2026-09-30'],
    // As a View may show them: a time after the date, other dashes.
    ['04-Jun-2026 00:00', '2026-06-04'],
    ['4 June 2026 at 10:30', '2026-06-04'],
    ['04/06/2026 10:30:00', '2026-06-04'],
    ['04/06/2026, 2.15pm', '2026-06-04'],
    ['04\u201306\u20132026', '2026-06-04'],
    ['04 \u2014 06 \u2014 2026', '2026-06-04'],
    ['04\u2013Jun\u20132026 00:00', '2026-06-04'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ state: 'valid', iso, text: text.trim() });
  });

  it.each([
    '31/02/2026',
    '29/02/2026',
    '29/02/1900',
    '13/13/2026',
    '00/01/2026',
    '31/04/2026',
    '31-Jun-2026',
    '4/6/26',
    'tomorrow',
    '2026-02-30',
    '4 Juneteenth 2026',
    '10:00',
    '04/06/26 10:00',
    '04\u201306\u201326',
    '2026 10:30',
  ])('keeps %j as an invalid date, never guessed', (text) => {
    expect(parseDate(text)).toEqual({ state: 'invalid', text });
  });

  it('reads an empty box as no answer', () => {
    expect(parseDate('')).toEqual({ state: 'empty' });
    expect(parseDate('   ')).toEqual({ state: 'empty' });
  });
});

describe('invalidDateReason', () => {
  it.each(['4/6/26', '04-06-26', '04\u201306\u201326', '4 June 26', '04-Jun-26 00:00', '04.06.26'])('says %j needs a 4-number year', (text) => {
    expect(invalidDateReason(text)).toBe('year-digits');
  });
  it.each(['31/02/2026', 'tomorrow', '4 Juneteenth 2026', '13/13/2026'])('has no more exact reason for %j', (text) => {
    expect(invalidDateReason(text)).toBeNull();
  });
});

describe('parseDateParts', () => {
  it('reads three boxes', () => {
    expect(parseDateParts('4', '6', '2026')).toEqual({ state: 'valid', iso: '2026-06-04', text: '4/6/2026' });
    expect(parseDateParts('04', 'Jun', '2026')).toMatchObject({ state: 'valid', iso: '2026-06-04' });
  });
  it('reads three empty boxes as no answer', () => {
    expect(parseDateParts('', ' ', '')).toEqual({ state: 'empty' });
  });
  it('keeps a part-filled or impossible date as invalid', () => {
    expect(parseDateParts('4', '', '2026')).toEqual({ state: 'invalid', text: '4//2026' });
    expect(parseDateParts('31', '2', '2026')).toEqual({ state: 'invalid', text: '31/2/2026' });
    expect(parseDateParts('4', '6', '26')).toEqual({ state: 'invalid', text: '4/6/26' });
  });
});

describe('calendar', () => {
  it('knows leap years', () => {
    expect([2024, 2028, 2000].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
  });
  it('writes dates as people read them', () => {
    expect(formatDate('2026-06-04')).toBe('4 June 2026');
    expect(formatDate('2027-01-31')).toBe('31 January 2027');
  });
});
