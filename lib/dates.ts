/**
 * Dates as the forms show them, read without guessing: a date that is not a real calendar date
 * is kept as invalid, with its text.
 */

/** A calendar date, no time and no time zone: `YYYY-MM-DD`. */
export type IsoDate = string;

export type DateAnswer =
  | { state: 'empty' }
  | { state: 'valid'; iso: IsoDate; text: string }
  | { state: 'invalid'; text: string };

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((month) => month === lower || (lower.length === 3 && month.startsWith(lower)) || (lower === 'sept' && month === 'september'));
  return index < 0 ? null : index + 1;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The ISO date for a day, month and year, or null when they are not a real calendar date. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Hyphens, en and em dashes, the minus sign: all read as "-". */
const DASHES = /[\u2010-\u2015\u2212]/g;
/** A time of day after a date: "00:00", "10:30:00", "at 10:30", "10.30am", "14:05 BST". */
const TIME_AFTER = /(?:,?\s+(?:at\s+)?)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|BST|UTC))?$/i;
const WITH_MONTH_NAME = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9}\.?),?[\s-]+(\d{4})$/i;

/**
 * Reads a date as Mosaic shows it: `dd/mm/yyyy`, `d/m/yyyy`, `dd-Mon-yyyy`, `yyyy-mm-dd`, or
 * "4 June 2026" (a weekday in front is allowed). Two-digit years and American order are not
 * guessed at: they are invalid.
 */
export function parseDate(input: string): DateAnswer {
  const text = input.replace(/[\s\u00a0]+/g, ' ').trim();
  if (text === '') return { state: 'empty' };
  // A View may show a time after the date ("04-Jun-2026 00:00", "4 June 2026 at 10:30") and
  // other dashes ("04–06–2026"): the date is the answer.
  const date = text.replace(DASHES, '-').replace(TIME_AFTER, '');
  let iso: IsoDate | null = null;
  let match: RegExpMatchArray | null;
  if ((match = date.match(NUMERIC))) {
    iso = isoFromParts(Number(match[3]), Number(match[2]), Number(match[1]));
  } else if ((match = date.match(ISO))) {
    iso = isoFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  } else if ((match = date.match(WITH_MONTH_NAME))) {
    const month = monthFromName(match[2]!);
    iso = month === null ? null : isoFromParts(Number(match[3]), month, Number(match[1]));
  }
  return iso === null ? { state: 'invalid', text } : { state: 'valid', iso, text };
}

const TWO_DIGIT_YEAR = /^(?:[a-z]+,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s*[/.\s-]\s*(?:\d{1,2}|[a-z]{3,9}\.?)\s*[/.\s-]\s*\d{2}$/i;

/**
 * Why a date that is not a real date was refused, where it can be said more exactly than "not a
 * real date": a year of two numbers ("1/6/26") is never guessed at.
 */
export function invalidDateReason(text: string): 'year-digits' | null {
  const date = text.replace(/[\s\u00a0]+/g, ' ').trim().replace(DASHES, '-').replace(TIME_AFTER, '');
  if (TWO_DIGIT_YEAR.test(date)) return 'year-digits';
  const parts = date.split('/');
  if (parts.length === 3 && /^\d{1,2}$/.test(parts[2]!.trim())) return 'year-digits';
  return null;
}

/**
 * A date given as three boxes. All empty is no answer; any box filled makes an answer, which is
 * invalid unless the three make a real date.
 */
export function parseDateParts(day: string, month: string, year: string): DateAnswer {
  const parts = [day, month, year].map((part) => part.trim());
  if (parts.every((part) => part === '')) return { state: 'empty' };
  const text = parts.join('/');
  const [d, m, y] = parts as [string, string, string];
  if (!/^\d{1,2}$/.test(d) || !/^\d{4}$/.test(y)) return { state: 'invalid', text };
  const monthNumber = /^\d{1,2}$/.test(m) ? Number(m) : monthFromName(m);
  if (monthNumber === null) return { state: 'invalid', text };
  const iso = isoFromParts(Number(y), monthNumber, Number(d));
  return iso === null ? { state: 'invalid', text } : { state: 'valid', iso, text };
}

/** "4 June 2026", the way people read dates (GOV.UK style). */
export function formatDate(iso: IsoDate): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const name = MONTHS[month - 1] ?? '';
  return `${day} ${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
}

/** "November 2026", for a month written YYYY-MM. */
export function formatMonth(month: string): string {
  return formatDate(`${month}-01`).replace(/^1 /, '');
}

/**
 * A calendar date some calendar months later (or earlier): one month after 31 January is 28
 * February (29 in a leap year), after 31 August, 30 September.
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(newDay).padStart(2, '0')}`;
}

/** A calendar date some days later (or earlier). */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return date.toISOString().slice(0, 10);
}

/** The last Sunday of a month (1-12) of a year, as a day of the month. */
function lastSunday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - new Date(Date.UTC(year, month - 1, last)).getUTCDay();
}

/**
 * Today's calendar date in the UK (Europe/London), whatever the computer's time zone: UTC in
 * winter, UTC+1 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October. Worked out directly: a time-zone formatter costs tens of milliseconds to build in a
 * page, on every page the guard opens.
 */
export function todayInUk(now: Date = new Date()): IsoDate {
  const ms = now.getTime();
  const year = now.getUTCFullYear();
  const summerStarts = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const summerEnds = Date.UTC(year, 9, lastSunday(year, 10), 1);
  const offset = ms >= summerStarts && ms < summerEnds ? 3_600_000 : 0;
  return new Date(ms + offset).toISOString().slice(0, 10);
}
