import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../dates';
import { dueBeforeReview, endedOn, nextReviewDue, statusOf } from './due';
import type { ReviewRecord, TrackedAgreement } from './model';

function agreement(overrides: Partial<TrackedAgreement> = {}): TrackedAgreement {
  return {
    key: '1234567|2026-01-31',
    personId: '1234567',
    startDate: '2026-01-31',
    endDate: '2026-07-31',
    firstReviewDate: null,
    frequency: null,
    reviews: [],
    source: 'save',
    createdAt: '2026-01-20T10:00:00.000Z',
    updatedAt: '2026-01-20T10:00:00.000Z',
    ...overrides,
  };
}

const review = (date: string, extra: Partial<ReviewRecord> = {}): ReviewRecord => ({
  date, outcome: 'continue', nextReviewDate: null, source: 'save', recordedAt: '2026-03-01T00:00:00.000Z', ...extra,
});

describe('next review due', () => {
  it('is one calendar month after the start: 31 January + 1 month is 28 February, or 29 in a leap year', () => {
    expect(nextReviewDue(agreement())).toBe('2026-02-28');
    expect(nextReviewDue(agreement({ startDate: '2028-01-31' }))).toBe('2028-02-29');
    expect(nextReviewDue(agreement({ startDate: '2026-08-31' }))).toBe('2026-09-30');
  });

  it('is the first review date recorded when that is earlier, and never later than a month', () => {
    expect(nextReviewDue(agreement({ firstReviewDate: '2026-02-14' }))).toBe('2026-02-14');
    expect(nextReviewDue(agreement({ firstReviewDate: '2026-03-14' }))).toBe('2026-02-28');
  });

  it('is three months after the last review, or the next review date recorded, or the frequency, whichever is soonest', () => {
    expect(nextReviewDue(agreement({ reviews: [review('2026-02-27')] }))).toBe('2026-05-27');
    expect(nextReviewDue(agreement({ reviews: [review('2026-02-27', { nextReviewDate: '2026-04-01' })] }))).toBe('2026-04-01');
    expect(nextReviewDue(agreement({ frequency: 'monthly', reviews: [review('2026-02-27')] }))).toBe('2026-03-27');
    expect(nextReviewDue(agreement({ frequency: 'twoMonthly', reviews: [review('2026-05-31'), review('2026-02-27')] }))).toBe('2026-07-31');
  });

  it('before a review was recorded, is what it was without that review', () => {
    const entry = agreement({ reviews: [review('2026-02-27'), review('2026-05-20')] });
    expect(dueBeforeReview(entry, '2026-05-20')).toBe('2026-05-27');
    expect(dueBeforeReview(entry, '2026-02-27')).toBe('2026-02-28');
  });

  it('is never more than three months after the last review, whatever was recorded (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.option(fc.integer({ min: -30, max: 200 })),
        fc.constantFrom(null, 'monthly', 'twoMonthly', 'threeMonthly'),
        (offset, nextOffset, frequency) => {
          const held = addDays('2026-01-01', offset);
          const next = nextOffset === null ? null : addDays(held, nextOffset);
          const due = nextReviewDue(agreement({ frequency: frequency as TrackedAgreement['frequency'], reviews: [review(held, { nextReviewDate: next })] }));
          expect(due <= addMonths(held, 3)).toBe(true);
          if (next !== null) expect(due <= next).toBe(true);
        },
      ),
    );
  });
});

describe('status', () => {
  const entry = agreement({ startDate: '2026-11-01', endDate: '2027-04-30', key: '1|2026-11-01' }); // due 1 December 2026
  it.each([
    ['2026-12-02', 'overdue'],
    ['2026-12-01', 'due-soon'],
    ['2026-11-18', 'due-soon'],
    ['2026-11-17', 'upcoming'],
  ])('on %s is %s (window of 14 days: today and the next 13)', (today, status) => {
    expect(statusOf(entry, today, 14)).toBe(status);
  });

  it('is ended when the end date has passed, or a review ended monitoring', () => {
    expect(statusOf(entry, '2027-04-30', 14)).toBe('overdue');
    expect(statusOf(entry, '2027-05-01', 14)).toBe('ended');
    const endedByReview = agreement({ reviews: [review('2026-02-20', { outcome: 'endMonitoring' })] });
    expect(statusOf(endedByReview, '2026-02-21', 14)).toBe('ended');
    expect(endedOn(endedByReview, '2026-02-21')).toBe('2026-02-20');
  });
});
