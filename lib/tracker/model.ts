/**
 * What the tracker keeps about an agreement: the least that works. The Mosaic person ID, dates,
 * the review frequency, outcomes and where each came from; never a name, never a narrative answer.
 */
import type { IsoDate } from '../dates';
import { OUTCOMES as REVIEW_OUTCOMES, REVIEW_FREQUENCIES, type Frequency, type Outcome } from '../model/vocabulary';

/** The review frequencies and outcomes are the form vocabulary's (lib/model). */
export const FREQUENCIES: readonly Frequency[] = REVIEW_FREQUENCIES;
export type { Frequency, Outcome };
export const FREQUENCY_MONTHS: Record<Frequency, number> = { monthly: 1, twoMonthly: 2, threeMonthly: 3 };

export const OUTCOMES: readonly Outcome[] = REVIEW_OUTCOMES;

/** How an entry or a review reached the tracker. */
export type Source = 'save' | 'finish' | 'view' | 'manual' | 'import';
export const SOURCES: readonly Source[] = ['save', 'finish', 'view', 'manual', 'import'];

export type Status = 'overdue' | 'due-soon' | 'upcoming' | 'ended';

/**
 * The gaps a form had when it was saved, finished or viewed: how many the guard showed of each
 * rule (its ID in rules.md), by severity. Never their text, never the answers.
 */
export interface GapCounts {
  errors: Record<string, number>;
  warnings: Record<string, number>;
}

/** A rule's ID as rules.md writes them ("first-review-due"). */
export const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** How many of each rule these gaps hold, by severity. */
export function countGaps(gaps: Iterable<{ rule: string; severity: 'error' | 'warning' }>): GapCounts {
  const counts: GapCounts = { errors: {}, warnings: {} };
  for (const gap of gaps) {
    const bucket = gap.severity === 'error' ? counts.errors : counts.warnings;
    bucket[gap.rule] = (bucket[gap.rule] ?? 0) + 1;
  }
  return counts;
}

/** Whether the form had errors when it was recorded (null: the form was not seen, as when added by hand). */
export function hadErrors(gaps: GapCounts | null | undefined): boolean {
  return !!gaps && Object.keys(gaps.errors).length > 0;
}

export interface ReviewRecord {
  /** The date the review was held. */
  date: IsoDate;
  outcome: Outcome | null;
  /** The date of next review recorded at this review. */
  nextReviewDate: IsoDate | null;
  source: Source;
  /** When it was recorded (an ISO timestamp). */
  recordedAt: string;
  /** The gaps the review form had when it was last saved, finished or viewed; absent or null when not seen. */
  gaps?: GapCounts | null;
}

export interface TrackedAgreement {
  /** `personId|startDate`: an agreement is the person and its start date. */
  key: string;
  personId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  firstReviewDate: IsoDate | null;
  frequency: Frequency | null;
  /** Reviews held, oldest first, one per date. */
  reviews: ReviewRecord[];
  source: Source;
  createdAt: string;
  updatedAt: string;
  /** The gaps the agreement form had when it was last saved, finished or viewed; absent or null when not seen. */
  gaps?: GapCounts | null;
}

export function agreementKey(personId: string, startDate: IsoDate): string {
  return `${personId}|${startDate}`;
}

export const PERSON_ID = /^\d{3,12}$/;
