/**
 * When the next review is due, and each agreement's status (rules.md, "Review due dates"). Pure
 * functions of the entry, today's UK date and the due-soon window.
 */
import { addDays, addMonths, type IsoDate } from '../dates';
import { FREQUENCY_MONTHS, type ReviewRecord, type Status, type TrackedAgreement } from './model';

type DueInput = Pick<TrackedAgreement, 'startDate' | 'firstReviewDate' | 'frequency' | 'reviews'>;

function earliest(dates: Array<IsoDate | null>): IsoDate {
  return dates.filter((date): date is IsoDate => date !== null).sort()[0]!;
}

/** The review held last (by date), or null. */
export function lastReview(reviews: readonly ReviewRecord[]): ReviewRecord | null {
  return reviews.reduce<ReviewRecord | null>((last, review) => (!last || review.date >= last.date ? review : last), null);
}

/**
 * The first review is due one month after the start, or on the first review date recorded if
 * that is earlier. Each later review is due three months after the last review held, or on the
 * next review date recorded at it if earlier, or after the chosen frequency if shorter.
 */
export function nextReviewDue(agreement: DueInput): IsoDate {
  const last = lastReview(agreement.reviews);
  if (!last) {
    const firstReview = agreement.firstReviewDate;
    return earliest([addMonths(agreement.startDate, 1), firstReview]);
  }
  return earliest([
    addMonths(last.date, 3),
    last.nextReviewDate,
    agreement.frequency ? addMonths(last.date, FREQUENCY_MONTHS[agreement.frequency]) : null,
  ]);
}

/**
 * The day retention counts from: the date of the review that ended monitoring, or null. An
 * agreement past its end date with no such review is kept, whatever its age: it is what the team
 * overview lists as past its end date with no review that ended monitoring, until that review is
 * recorded or someone removes the entry.
 */
export function closesOn(agreement: Pick<TrackedAgreement, 'endDate' | 'reviews'>): IsoDate | null {
  const last = lastReview(agreement.reviews);
  return last?.outcome === 'endMonitoring' ? last.date : null;
}

/** Whether each review was held on time: on or before the due date the tracker held before it. */
export function reviewTimeliness(agreement: DueInput): Array<{ date: IsoDate; due: IsoDate; late: boolean }> {
  const reviews = [...agreement.reviews].sort((a, b) => a.date.localeCompare(b.date));
  return reviews.map((review, index) => {
    const due = nextReviewDue({ ...agreement, reviews: reviews.slice(0, index) });
    return { date: review.date, due, late: review.date > due };
  });
}

/** The next review due as the tracker held it before a review on `reviewDate` was recorded. */
export function dueBeforeReview(agreement: DueInput, reviewDate: IsoDate): IsoDate {
  return nextReviewDue({ ...agreement, reviews: agreement.reviews.filter((review) => review.date < reviewDate) });
}

/** The day monitoring ended, from the end date and the last review held (see endedOn). */
export function endedFrom(endDate: IsoDate | null, last: Pick<ReviewRecord, 'date' | 'outcome'> | null, today: IsoDate): IsoDate | null {
  if (last?.outcome === 'endMonitoring') return last.date;
  if (endDate !== null && endDate < today) return endDate;
  return null;
}

/** The day the agreement ended: a review recorded "End monitoring", or its end date passed. */
export function endedOn(agreement: Pick<TrackedAgreement, 'endDate' | 'reviews'>, today: IsoDate): IsoDate | null {
  return endedFrom(agreement.endDate, lastReview(agreement.reviews), today);
}

/** ended; overdue (due before today); due-soon (today and the next window − 1 days); upcoming. */
export function statusFrom(due: IsoDate, ended: IsoDate | null, today: IsoDate, dueSoonDays: number): Status {
  return statusToday(today, dueSoonDays)(due, ended);
}

/** statusFrom for one day and window, the window's last day worked out once (for long lists). */
export function statusToday(today: IsoDate, dueSoonDays: number): (due: IsoDate, ended: IsoDate | null) => Status {
  const lastDueSoon = dueSoonDays > 0 ? addDays(today, dueSoonDays - 1) : null;
  return (due, ended) => {
    if (ended !== null) return 'ended';
    if (due < today) return 'overdue';
    if (lastDueSoon !== null && due <= lastDueSoon) return 'due-soon';
    return 'upcoming';
  };
}

export function statusOf(agreement: TrackedAgreement, today: IsoDate, dueSoonDays: number): Status {
  return statusFrom(nextReviewDue(agreement), endedOn(agreement, today), today, dueSoonDays);
}
