/**
 * Moves every date in a sample page by a whole number of days, each written as it was: the demo
 * serves the fixtures with their dates relative to today as they were to the day they were
 * written for (the fixtures themselves keep their fixed dates, which the tests rely on).
 *
 * The formats are those the sample pages use: `2026-06-04` (an `input type=date` value too),
 * `04/06/2026` and `4/6/2026`, `04-06-2026`, `04.06.2026` and `04–06–2026` (other dashes), `4 June
 * 2026`, `04-Jun-2026`, `27 3 2026` (a GOV.UK hint), and a date given as three boxes (inputs for
 * the day, the month and the year, one after another). What is not a real calendar date
 * (`31/02/2026`) is left as it is: it is in the page to be reported as not a real date.
 */
import { addDays, isoFromParts, type IsoDate } from '../../lib/dates.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const utc = (iso: IsoDate) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

interface Parts {
  year: number;
  month: number;
  day: number;
}

/** The date some days after a day, month and year, or null when they are not a real date. */
function moved(year: number, month: number, day: number, days: number): Parts | null {
  const iso = isoFromParts(year, month, day);
  if (iso === null) return null;
  const [y, m, d] = addDays(iso, days).split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

/**
 * Whether a date was written with its day and month padded to two digits ("04/06/2026") or not
 * ("4/6/2026"): a leading zero says padded, a single digit says not; "12/10/2026" does not say,
 * and then `otherwise` does.
 */
function padded(parts: string[], otherwise: boolean): boolean {
  if (parts.some((part) => part.startsWith('0'))) return true;
  if (parts.some((part) => part.length === 1)) return false;
  return otherwise;
}

const digits = (value: number, pad: boolean) => String(value).padStart(pad ? 2 : 1, '0');

/** A month's name written as it was: in full or short ("Sept" too), in the same case. */
function monthName(original: string, month: number): string {
  const full = MONTHS[month - 1]!;
  const bare = original.replace(/\.$/, '');
  const short = bare.toLowerCase() === 'sept' ? (month === 9 ? 'Sept' : full.slice(0, 3)) : full.slice(0, 3);
  const name = bare.length === 3 || bare.toLowerCase() === 'sept' ? short : full;
  const cased = bare === bare.toUpperCase() ? name.toUpperCase() : bare === bare.toLowerCase() ? name.toLowerCase() : name;
  return cased + (original.endsWith('.') ? '.' : '');
}

function monthFromName(name: string): number | null {
  const bare = name.replace(/\.$/, '').toLowerCase();
  const index = MONTHS.findIndex((month) => month.toLowerCase() === bare || (bare.length === 3 && month.toLowerCase().startsWith(bare)));
  if (index >= 0) return index + 1;
  return bare === 'sept' ? 9 : null;
}

const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
/** 2026-06-04 */
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
/** 04/06/2026, 4/6/2026, 04-06-2026, 04.06.2026, 04–06–2026: the same separator twice. */
const NUMERIC = /(?<![\d/.\-\u2010-\u2015\u2212])(\d{1,2})([/.\-\u2010-\u2015\u2212])(\d{1,2})\2(\d{4})(?!\d)/g;
/** 27 3 2026 */
const SPACED = /(?<!\d[ ]?)(\d{1,2}) (\d{1,2}) (\d{4})(?!\d)/g;
/** 4 June 2026, 04-Jun-2026 */
const NAMED = new RegExp(`(?<!\\d)(\\d{1,2})([ -])(${MONTH_NAME})(,? |-)(\\d{4})(?!\\d)`, 'gi');
/** Three inputs in a row, for the day, the month and the year, each with its value. */
const BOX = (part: string, value: string) => `(<input\\b(?=[^>]*(?:${part}))[^>]*?\\bvalue=")(${value})("[^>]*>)`;
const BOXES = new RegExp(`${BOX('day|_dd\\b', '\\d{1,2}')}((?:(?!<input\\b)[\\s\\S]){0,300}?)${BOX('month|_mm\\b', '\\d{1,2}')}((?:(?!<input\\b)[\\s\\S]){0,300}?)${BOX('year|_yyyy\\b', '\\d{4}')}`, 'gi');

/** The page's text with every real date in it moved `days` days later (earlier when negative). */
export function shiftDates(text: string, days: number): string {
  if (days === 0) return text;
  return text
    .replace(ISO, (all, y: string, m: string, d: string) => {
      const to = moved(Number(y), Number(m), Number(d), days);
      return to ? `${to.year}-${String(to.month).padStart(2, '0')}-${String(to.day).padStart(2, '0')}` : all;
    })
    .replace(NUMERIC, (all, d: string, separator: string, m: string, y: string) => {
      const to = moved(Number(y), Number(m), Number(d), days);
      const pad = padded([d, m], true);
      return to ? `${digits(to.day, pad)}${separator}${digits(to.month, pad)}${separator}${to.year}` : all;
    })
    .replace(SPACED, (all, d: string, m: string, y: string) => {
      const to = moved(Number(y), Number(m), Number(d), days);
      return to ? `${to.day} ${to.month} ${to.year}` : all;
    })
    .replace(NAMED, (all, d: string, before: string, name: string, after: string, y: string) => {
      const month = monthFromName(name);
      const to = month === null ? null : moved(Number(y), month, Number(d), days);
      // "04-Jun-2026" is Mosaic's padded style; "4 June 2026" is written as people read it.
      return to ? `${digits(to.day, padded([d], before === '-'))}${before}${monthName(name, to.month)}${after}${to.year}` : all;
    })
    .replace(BOXES, (all, ...groups: string[]) => {
      const [dayOpen, d, dayClose, between1, monthOpen, m, monthClose, between2, yearOpen, y, yearClose] = groups as [string, ...string[]];
      const to = moved(Number(y), Number(m), Number(d), days);
      if (!to) return all;
      const pad = padded([d!, m!], true);
      return `${dayOpen}${digits(to.day, pad)}${dayClose}${between1}${monthOpen}${digits(to.month, pad)}${monthClose}${between2}${yearOpen}${to.year}${yearClose}`;
    });
}
