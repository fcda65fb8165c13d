import type { ProfileOf } from '../profile';
import { reviewAttendeeAnswers } from './agreement';

/** Form 3 of forms.md: the agreement review. */
export const reviewProfile = {
  id: 'reference-review',
  kind: 'review',
  title: 'Internet monitoring: agreement review',
  titleAliases: ['Monitoring agreement review'],
  templateCode: 'CS_INET_MON_REV',
  questions: [
    { name: 'agreementStartDate', type: 'date', code: 'MR_AGREEMENT_START', section: 'Review', label: 'Agreement start date', aliases: ['Start date of agreement'] },
    { name: 'agreementEndDate', type: 'date', code: 'MR_AGREEMENT_END', section: 'Review', label: 'Agreement end date', aliases: ['End date of agreement'] },
    { name: 'reviewDate', type: 'date', code: 'MR_DATE', section: 'Review', label: 'Date of review', aliases: ['Review date'] },
    { name: 'attendees', type: 'multi', code: 'MR_ATTENDEES', section: 'Review', label: 'Who attended the review?', answers: reviewAttendeeAnswers() },
    { name: 'youngPersonNotAttendedReason', type: 'text', code: 'MR_YP_NOT_ATTENDED', section: 'Review', label: 'Reason the young person did not attend' },
    { name: 'youngPersonViews', type: 'text', code: 'MR_YP_VIEWS', section: 'Review', label: "Young person's views" },
    { name: 'actionPlanProgress', type: 'text', code: 'MR_PROGRESS', section: 'Progress', label: 'Progress on the positive measures in the action plan' },
    { name: 'stillNecessary', type: 'yesno', code: 'MR_STILL_NECESSARY', section: 'Progress', label: 'Is monitoring still necessary?' },
    { name: 'necessityReasons', type: 'text', code: 'MR_NECESSARY_REASONS', section: 'Progress', label: 'Reasons' },
    {
      name: 'outcome', type: 'choice', code: 'MR_OUTCOME', section: 'Outcome', label: 'Outcome', aliases: ['Outcome of review'],
      answers: [
        { value: 'continue', label: 'Continue' },
        { value: 'continueWithChanges', label: 'Continue with changes' },
        { value: 'endMonitoring', label: 'End monitoring' },
      ],
    },
    { name: 'nextReviewDate', type: 'date', code: 'MR_NEXT_REVIEW', section: 'Outcome', label: 'Date of next review' },
  ],
} satisfies ProfileOf<'review'>;
