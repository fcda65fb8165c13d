/** The rules of the agreement review (rules.md, "Agreement review"). */
import { addMonths } from '../dates';
import type { Answers } from './answers';
import { dateGiven, finding, show, textGiven, when, yesNoAnswered } from './checks';
import { PROCEDURE } from './citations';
import { datesValidRule } from './dates-valid';
import type { Rule } from './types';

const continues = (answers: Answers) => ['continue', 'continueWithChanges'].includes(answers.choice('outcome') ?? '');

export const reviewRules: Rule[] = [
  {
    id: 'review-held',
    form: 'review',
    severity: 'error',
    section: '§3.8',
    citations: [PROCEDURE.review],
    summary: 'The review is dated.',
    needs: () => ['reviewDate'],
    check: (answers) => dateGiven(answers, 'reviewDate', 'Enter the date of the review'),
  },
  {
    id: 'review-on-time',
    form: 'review',
    severity: 'warning',
    section: '§3.8',
    citations: [PROCEDURE.review],
    summary: 'The review was held by the date it was due.',
    applies: (_answers, { trackedReviewDue }) => trackedReviewDue !== null,
    needs: () => [],
    check(answers, { trackedReviewDue }) {
      const held = answers.date('reviewDate');
      if (held === null || trackedReviewDue === null || held <= trackedReviewDue) return [];
      return [finding(`This review was due by ${show(trackedReviewDue)}: record why it was held late, on ${show(held)}`, 'reviewDate')];
    },
  },
  {
    id: 'young-person-attended',
    form: 'review',
    severity: 'warning',
    section: '§3.8',
    citations: [PROCEDURE.review],
    summary: 'The young person attended, or the reason they did not is recorded.',
    needs: (answers) => ['attendees', ...when(!answers.multi('attendees').includes('youngPerson'), 'youngPersonNotAttendedReason')],
    check: (answers) =>
      answers.multi('attendees').includes('youngPerson') || answers.text('youngPersonNotAttendedReason') !== null
        ? []
        : [finding('Enter the reason the young person did not attend the review', 'youngPersonNotAttendedReason', 'attendees')],
  },
  {
    id: 'family-attended',
    form: 'review',
    severity: 'warning',
    section: '§3.8',
    citations: [PROCEDURE.review],
    summary: 'The family attended the review.',
    needs: () => ['attendees'],
    check: (answers) =>
      answers.multi('attendees').includes('family')
        ? []
        : [finding("The procedure asks for reviews with the young person's family: select 'Family' if they attended", 'attendees')],
  },
  {
    id: 'young-person-views',
    form: 'review',
    severity: 'warning',
    section: '§2',
    citations: [PROCEDURE.involvingChildren],
    summary: "The young person's views are recorded.",
    needs: () => ['youngPersonViews'],
    check: (answers) => textGiven(answers, 'youngPersonViews', "Enter the young person's views"),
  },
  {
    id: 'action-plan-progress',
    form: 'review',
    severity: 'error',
    section: '§3.7',
    citations: [PROCEDURE.actionPlan],
    summary: 'Progress on the positive measures of the action plan is recorded.',
    needs: () => ['actionPlanProgress'],
    check: (answers) =>
      textGiven(answers, 'actionPlanProgress', 'Enter the progress on the positive measures in the action plan'),
  },
  {
    id: 'necessity-reviewed',
    form: 'review',
    severity: 'error',
    section: '§2',
    citations: [PROCEDURE.threshold],
    summary: 'Whether monitoring is still necessary is recorded, with reasons.',
    needs: () => ['stillNecessary', 'necessityReasons'],
    check: (answers) => [
      ...yesNoAnswered(answers, 'stillNecessary', 'Select whether monitoring is still necessary'),
      ...textGiven(answers, 'necessityReasons', 'Enter the reasons monitoring is or is not still necessary'),
    ],
  },
  {
    id: 'outcome-consistent',
    form: 'review',
    severity: 'error',
    section: '§2',
    citations: [PROCEDURE.threshold],
    summary: 'The outcome is recorded, and monitoring that is no longer necessary ends.',
    needs: () => ['outcome', 'stillNecessary'],
    check(answers) {
      const outcome = answers.choice('outcome');
      if (outcome === null) return [finding('Select the outcome of the review', 'outcome')];
      if (answers.yesno('stillNecessary') === 'no' && outcome !== 'endMonitoring') {
        return [finding("Monitoring is no longer necessary, so the outcome must be 'End monitoring'", 'outcome', 'stillNecessary')];
      }
      return [];
    },
  },
  {
    id: 'next-review-due',
    form: 'review',
    severity: 'error',
    section: '§3.8',
    citations: [PROCEDURE.review],
    summary: 'When monitoring continues, the next review is no later than three months after this one.',
    applies: continues,
    needs: () => ['nextReviewDate'],
    check(answers) {
      const next = answers.date('nextReviewDate');
      if (next === null) return dateGiven(answers, 'nextReviewDate', 'Enter the date of next review (monitoring continues)');
      const held = answers.date('reviewDate');
      if (held === null) return [];
      const latest = addMonths(held, 3);
      return next > latest
        ? [finding(`Date of next review must be no later than ${show(latest)}, three months after this review`, 'nextReviewDate')]
        : [];
    },
  },
  {
    id: 'agreement-still-current',
    form: 'review',
    severity: 'warning',
    section: '§3.7',
    citations: [PROCEDURE.timeLimited],
    summary: 'When monitoring continues, the next review falls within the agreement.',
    applies: continues,
    needs: () => [],
    check(answers) {
      const next = answers.date('nextReviewDate');
      const end = answers.date('agreementEndDate');
      if (next === null || end === null || next <= end) return [];
      return [finding(`The next review is after the agreement ends on ${show(end)}: continuing past the end needs a new written agreement`, 'nextReviewDate')];
    },
  },
  datesValidRule('review', ['agreementStartDate', 'reviewDate']),
];
