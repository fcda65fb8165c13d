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

export interface ReviewRecord {
  /** The date the review was held. */
  date: IsoDate;
  outcome: Outcome | null;
  /** The date of next review recorded at this review. */
  nextReviewDate: IsoDate | null;
  source: Source;
  /** When it was recorded (an ISO timestamp). */
  recordedAt: string;
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
}

export function agreementKey(personId: string, startDate: IsoDate): string {
  return `${personId}|${startDate}`;
}

export const PERSON_ID = /^\d{3,12}$/;
