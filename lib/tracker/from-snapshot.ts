/**
 * What the tracker is told about a form the worker saved, finished or viewed: built from the
 * snapshot, holding only the person ID, dates, the frequency and the outcome.
 */
import type { FormSnapshot } from '../forms/snapshot';
import { Answers } from '../procedure/answers';
import { countGaps, FREQUENCIES, OUTCOMES, PERSON_ID, type Frequency, type Outcome } from './model';
import type { TrackAgreementMessage, TrackReviewMessage } from './messages';

export type TrackingSource = 'save' | 'finish' | 'view';

export type TrackingPlan =
  | { track: true; message: TrackAgreementMessage | TrackReviewMessage }
  | { track: false; reason: string | null };

/**
 * `gaps` are the gaps the guard shows for the form at that moment: the tracker keeps how many of
 * each rule, never their text.
 */
export function trackingMessage(
  snapshot: FormSnapshot,
  source: TrackingSource,
  gaps: Iterable<{ rule: string; severity: 'error' | 'warning' }> = [],
): TrackingPlan {
  if (snapshot.kind === 'decision') return { track: false, reason: null };
  const answers = new Answers(snapshot);
  const personId = snapshot.personId;
  if (!personId || !PERSON_ID.test(personId)) {
    return { track: false, reason: 'Not added to the review tracker: no Mosaic person ID was found on this page' };
  }
  if (snapshot.kind === 'agreement') {
    const startDate = answers.date('agreementStartDate');
    if (!startDate) return { track: false, reason: 'Not added to the review tracker yet: enter the agreement start date' };
    const frequency = answers.choice('reviewFrequency');
    return {
      track: true,
      message: {
        type: 'track-agreement',
        personId,
        startDate,
        endDate: answers.date('agreementEndDate'),
        firstReviewDate: answers.date('firstReviewDate'),
        frequency: FREQUENCIES.includes(frequency as Frequency) ? (frequency as Frequency) : null,
        source,
        gaps: countGaps(gaps),
      },
    };
  }
  const agreementStartDate = answers.date('agreementStartDate');
  if (!agreementStartDate) {
    return { track: false, reason: 'Not added to the review tracker yet: enter the agreement start date' };
  }
  const reviewDate = answers.date('reviewDate');
  if (!reviewDate) return { track: false, reason: 'Not added to the review tracker yet: enter the date of the review' };
  const outcome = answers.choice('outcome');
  return {
    track: true,
    message: {
      type: 'track-review',
      personId,
      agreementStartDate,
      agreementEndDate: answers.date('agreementEndDate'),
      reviewDate,
      outcome: OUTCOMES.includes(outcome as Outcome) ? (outcome as Outcome) : null,
      nextReviewDate: answers.date('nextReviewDate'),
      source,
      gaps: countGaps(gaps),
    },
  };
}
