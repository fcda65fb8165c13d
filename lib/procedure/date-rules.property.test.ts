/**
 * The date rules over every kind of date (fast-check): month ends, leap years, and the days the
 * UK clocks change, checked against a plain day-by-day calendar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, todayInUk, type IsoDate } from '../dates';
import { DEFAULT_SETTINGS } from '../settings';
import { evaluate } from './evaluate';
import { COMPLETE, snapshotFor } from '../../test/support/snapshots';

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Any real date from 2020 to 2035, with month ends, 29 February and clock-change days made likely. */
const dates = fc.oneof(
  fc.record({ y: fc.integer({ min: 2020, max: 2035 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => iso(y, m, Math.min(d, daysInMonth(y, m)))),
  fc.record({ y: fc.integer({ min: 2020, max: 2035 }), m: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: 0, max: 3 }) })
    .map(({ y, m, back }) => iso(y, m, daysInMonth(y, m) - back)),
  fc.constantFrom('2024-02-29', '2028-02-29', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2026-01-31', '2026-08-31'),
);

/** Calendar-month arithmetic done the slow way, as a person counts it on a calendar. */
function referenceAddMonths(start: IsoDate, months: number): IsoDate {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const total = y * 12 + m - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  let day = d;
  while (day > 28) {
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() === month - 1) break;
    day--;
  }
  return iso(year, month, day);
}

const context = { today: '2040-01-01', settings: DEFAULT_SETTINGS, trackedReviewDue: null };

describe('calendar months', () => {
  it('adds months as a calendar does, whatever the month end', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -24, max: 24 }), (start, months) => {
        expect(addMonths(start, months)).toBe(referenceAddMonths(start, months));
      }),
    );
  });

  it('knows the month ends the procedure names', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('first-review-due over any start date', () => {
  it('accepts a first review up to one calendar month after the start, and not a day later', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -40, max: 40 }), (start, offset) => {
        const latest = referenceAddMonths(start, 1);
        const first = new Date(Date.parse(`${latest}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        const snapshot = snapshotFor('agreement', {
          ...COMPLETE.agreement,
          signedDate: start,
          decisionDate: start,
          gillickAssessedDate: start,
          agreementStartDate: start,
          agreementEndDate: referenceAddMonths(start, 6),
          firstReviewDate: first,
          actionPlan: [{ action: 'Sessions', who: 'Carer', byWhen: start }],
        });
        const fired = evaluate(snapshot, context).gaps.some((gap) => gap.rule === 'first-review-due');
        expect(fired).toBe(first > latest);
      }),
    );
  });
});

describe('next-review-due over any review date', () => {
  it('accepts a next review up to three calendar months after this one', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -5, max: 5 }), (held, offset) => {
        const latest = referenceAddMonths(held, 3);
        const next = new Date(Date.parse(`${latest}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        const snapshot = snapshotFor('review', {
          ...COMPLETE.review,
          agreementStartDate: held,
          agreementEndDate: referenceAddMonths(held, 12),
          reviewDate: held,
          nextReviewDate: next,
        });
        const fired = evaluate(snapshot, context).gaps.some((gap) => gap.rule === 'next-review-due');
        expect(fired).toBe(next > latest);
      }),
    );
  });
});

describe('duration-exceptional at the edge', () => {
  it('warns exactly when the end is past the start plus the local maximum', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 12 }), fc.integer({ min: -3, max: 3 }), (start, maxMonths, offset) => {
        const latest = referenceAddMonths(start, maxMonths);
        const end = new Date(Date.parse(`${latest}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        const snapshot = snapshotFor('agreement', { ...COMPLETE.agreement, agreementStartDate: start, agreementEndDate: end });
        const fired = evaluate(snapshot, { ...context, settings: { ...DEFAULT_SETTINGS, maxAgreementMonths: maxMonths } }).gaps.some(
          (gap) => gap.rule === 'duration-exceptional',
        );
        expect(fired).toBe(end > latest);
      }),
    );
  });
});

describe('today in the UK', () => {
  it('is the London calendar date at any instant, whatever this computer’s time zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }), (ms) => {
        const now = new Date(ms);
        // London is UTC in winter and UTC+1 from the last Sunday of March to the last Sunday of October (01:00 UTC).
        const year = now.getUTCFullYear();
        const lastSunday = (month: number) => {
          const last = new Date(Date.UTC(year, month + 1, 0));
          return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
        };
        const summer = ms >= lastSunday(2) && ms < lastSunday(9);
        const london = new Date(ms + (summer ? 3_600_000 : 0)).toISOString().slice(0, 10);
        expect(todayInUk(now)).toBe(london);
      }),
    );
  });

  it('turns at midnight in London on the days the clocks change', () => {
    expect(todayInUk(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28');
    expect(todayInUk(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
    expect(todayInUk(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(todayInUk(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
    expect(todayInUk(new Date('2026-10-24T22:59:59Z'))).toBe('2026-10-24');
    expect(todayInUk(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25');
    expect(todayInUk(new Date('2026-10-25T23:59:59Z'))).toBe('2026-10-25');
  });
});
