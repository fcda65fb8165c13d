/** The rules of the written agreement (rules.md, "Written agreement"). */
import { addMonths } from '../dates';
import { answeredYes, choiceAnswered, dateGiven, finding, notBefore, show, textGiven, when, yesNoAnswered } from './checks';
import { PROCEDURE } from './citations';
import { datesValidRule } from './dates-valid';
import type { Finding, Rule } from './types';
import { REVIEW_FREQUENCIES, type AnswerValue } from '../model/vocabulary';

const PARENTAL_RESPONSIBILITY: readonly string[] = ['parent', 'otherParentalResponsibility'] satisfies Array<AnswerValue<'agreement', 'signedBy'>>;
const FREQUENCIES: readonly string[] = REVIEW_FREQUENCIES;
const OTHER_RELEVANT_PARTIES: readonly string[] = ['carers', 'socialWorker', 'iro', 'otherParties'] satisfies Array<AnswerValue<'agreement', 'reviewAttendees'>>;

export const agreementRules: Rule[] = [
  {
    id: 'decision-recorded',
    form: 'agreement',
    severity: 'warning',
    section: '§3.4',
    citations: [PROCEDURE.recordReasons],
    summary: 'The decision to monitor is dated, no later than the signature.',
    needs: () => ['decisionDate'],
    check: (answers) => [
      ...dateGiven(answers, 'decisionDate', 'Enter the date of the decision to monitor'),
      ...notBefore(answers, 'signedDate', 'decisionDate', (decided) =>
        `Date of decision to monitor (${show(decided)}) should be no later than the date the written agreement was signed`),
    ],
  },
  {
    id: 'measures-agreed',
    form: 'agreement',
    severity: 'error',
    section: '§3.6',
    citations: [PROCEDURE.writtenAgreement],
    summary: 'The monitoring measures agreed are described.',
    needs: () => ['measuresAgreed'],
    check: (answers) => textGiven(answers, 'measuresAgreed', 'Describe the monitoring measures agreed'),
  },
  {
    id: 'gillick-answered',
    form: 'agreement',
    severity: 'error',
    section: '§3.6',
    citations: [PROCEDURE.writtenAgreement],
    summary: 'Whether the young person is Gillick competent to agree is recorded.',
    needs: () => ['gillickCompetent'],
    check: (answers) =>
      yesNoAnswered(answers, 'gillickCompetent', 'Select whether the young person is Gillick competent to agree to this'),
  },
  {
    id: 'signatory-allowed',
    form: 'agreement',
    severity: 'error',
    section: '§3.6',
    citations: [PROCEDURE.writtenAgreement],
    summary: 'The agreement is signed by someone who can give it: not the local authority.',
    needs: () => ['signedBy'],
    check(answers) {
      const signedBy = answers.choice('signedBy');
      if (signedBy === null) return [finding('Select who signed the agreement', 'signedBy')];
      if (signedBy === 'corporateParent') {
        return [
          finding(
            'The local authority (corporate parent) cannot give this agreement: it must be signed by the young person or a person with parental responsibility',
            'signedBy',
          ),
        ];
      }
      return [];
    },
  },
  {
    id: 'signatory-matches-competence',
    form: 'agreement',
    severity: 'error',
    section: '§3.6',
    citations: [PROCEDURE.writtenAgreement],
    summary: 'A Gillick competent young person signs themselves; otherwise a person with parental responsibility signs.',
    needs: () => ['gillickCompetent', 'signedBy'],
    check(answers) {
      const competent = answers.yesno('gillickCompetent');
      const signedBy = answers.choice('signedBy');
      if (competent === null || signedBy === null || signedBy === 'corporateParent') return [];
      if (competent === 'yes' && signedBy !== 'youngPerson') {
        return [finding('The young person is Gillick competent, so they must sign the agreement themselves', 'signedBy')];
      }
      if (competent === 'no' && !PARENTAL_RESPONSIBILITY.includes(signedBy)) {
        return [finding('The young person is not Gillick competent, so a person with parental responsibility must sign the agreement', 'signedBy')];
      }
      return [];
    },
  },
  {
    id: 'gillick-assessment',
    form: 'agreement',
    severity: 'warning',
    section: '§3.6',
    citations: [PROCEDURE.writtenAgreement],
    summary: 'Who assessed Gillick competence, and when, is recorded.',
    needs: (answers) => ['gillickCompetent', ...when(answers.yesno('gillickCompetent') === 'yes', 'gillickAssessedBy', 'gillickAssessedDate')],
    check: (answers) =>
      answers.yesno('gillickCompetent') === 'yes'
        ? [
            ...textGiven(answers, 'gillickAssessedBy', 'Enter who assessed Gillick competence'),
            ...dateGiven(answers, 'gillickAssessedDate', 'Enter the date Gillick competence was assessed'),
          ]
        : [],
  },
  {
    id: 'signatory-named',
    form: 'agreement',
    severity: 'error',
    section: '§3.6',
    citations: [PROCEDURE.writtenAgreement],
    summary: 'When someone other than the young person signs, their name is recorded.',
    needs: (answers) => {
      const signedBy = answers.choice('signedBy');
      return ['signedBy', ...when(signedBy !== null && signedBy !== 'youngPerson', 'signatoryName')];
    },
    check(answers) {
      const signedBy = answers.choice('signedBy');
      if (signedBy === null || signedBy === 'youngPerson') return [];
      return textGiven(answers, 'signatoryName', 'Enter the name of the person who signed the agreement');
    },
  },
  {
    id: 'agreement-signed',
    form: 'agreement',
    severity: 'error',
    section: '§3.6',
    citations: [PROCEDURE.writtenAgreement],
    summary: 'The date the written agreement was signed is recorded.',
    needs: () => ['signedDate'],
    check: (answers) => dateGiven(answers, 'signedDate', 'Enter the date the written agreement was signed'),
  },
  {
    id: 'agreement-on-record',
    form: 'agreement',
    severity: 'error',
    section: '§3.6',
    citations: [PROCEDURE.agreementOnRecord],
    summary: "The signed agreement is on the young person's record.",
    needs: () => ['agreementOnRecord'],
    check: (answers) =>
      answeredYes(answers, 'agreementOnRecord', "Add the signed agreement to the young person's record, then answer yes"),
  },
  {
    id: 'no-monitoring-before-agreement',
    form: 'agreement',
    severity: 'error',
    section: '§3.6',
    citations: [PROCEDURE.writtenAgreement],
    summary: 'Monitoring starts no earlier than the signature.',
    needs: () => ['agreementStartDate'],
    check: (answers) => [
      ...dateGiven(answers, 'agreementStartDate', 'Enter the agreement start date'),
      ...notBefore(answers, 'agreementStartDate', 'signedDate', (signed) =>
        `Agreement start date must be on or after ${show(signed)}, the date the written agreement was signed: monitoring may not begin before it`),
    ],
  },
  {
    id: 'time-limited',
    form: 'agreement',
    severity: 'error',
    section: '§3.7',
    citations: [PROCEDURE.timeLimited],
    summary: 'The agreement has an end date, after its start.',
    needs: () => ['agreementEndDate'],
    check(answers) {
      const end = answers.date('agreementEndDate');
      if (end === null) return dateGiven(answers, 'agreementEndDate', 'Enter the agreement end date (the agreement must be time-limited)');
      const start = answers.date('agreementStartDate');
      return start !== null && end <= start
        ? [finding(`Agreement end date must be after the agreement start date (${show(start)})`, 'agreementEndDate')]
        : [];
    },
  },
  {
    id: 'duration-exceptional',
    form: 'agreement',
    severity: 'warning',
    section: '§3.7',
    citations: [PROCEDURE.timeLimited],
    summary: 'The agreement lasts no longer than the local maximum.',
    needs: () => [],
    check(answers, { settings }) {
      const start = answers.date('agreementStartDate');
      const end = answers.date('agreementEndDate');
      if (start === null || end === null) return [];
      const latest = addMonths(start, settings.maxAgreementMonths);
      return end > latest
        ? [finding(`Agreement end date should be no later than ${show(latest)}, ${settings.maxAgreementMonths} months after the start: a longer agreement is exceptional`, 'agreementEndDate')]
        : [];
    },
  },
  {
    id: 'action-plan',
    form: 'agreement',
    severity: 'error',
    section: '§3.7',
    citations: [PROCEDURE.actionPlan],
    summary: 'The action plan lists at least one positive measure, with who will do it and by when.',
    needs: () => ['actionPlan'],
    check(answers) {
      const rows = answers.rows('actionPlan');
      const findings: Finding[] = [];
      rows.forEach((row, index) => {
        const missing = [
          row.action ? null : 'the action',
          row.who ? null : 'who will do it',
          row.byWhen ? null : 'by when',
        ].filter((part): part is string => part !== null);
        if (missing.length > 0) findings.push(finding(`Enter ${missing.join(' and ')} for positive measure ${index + 1}`, 'actionPlan'));
      });
      if (!rows.some((row) => row.action && row.who && row.byWhen) && findings.length === 0) {
        findings.push(finding('Add at least one positive measure to replace monitoring, with who will do it and by when', 'actionPlan'));
      }
      return findings;
    },
  },
  {
    id: 'action-plan-within-period',
    form: 'agreement',
    severity: 'warning',
    section: '§3.7',
    citations: [PROCEDURE.actionPlan],
    summary: "Every action's date falls within the agreement period.",
    needs: () => [],
    check(answers) {
      const start = answers.date('agreementStartDate');
      const end = answers.date('agreementEndDate');
      if (start === null || end === null) return [];
      return answers
        .rows('actionPlan')
        .map((row, index) => ({ row, index }))
        .filter(({ row }) => row.byWhen && (row.byWhen < start || row.byWhen > end))
        .map(({ index }) =>
          finding(`Positive measure ${index + 1} should be done by a date within the agreement period, ${show(start)} to ${show(end)}`, 'actionPlan'),
        );
    },
  },
  {
    id: 'step-down',
    form: 'agreement',
    severity: 'error',
    section: '§3.7',
    citations: [PROCEDURE.actionPlan],
    summary: 'How monitoring will be reduced over the agreed period is described.',
    needs: () => ['stepDownPlan'],
    check: (answers) => textGiven(answers, 'stepDownPlan', 'Describe how monitoring will be reduced over the agreed period'),
  },
  {
    id: 'first-review-due',
    form: 'agreement',
    severity: 'error',
    section: '§3.8',
    citations: [PROCEDURE.review],
    summary: 'The first review is no later than one month after the start.',
    needs: () => ['firstReviewDate'],
    check(answers) {
      const first = answers.date('firstReviewDate');
      if (first === null) return dateGiven(answers, 'firstReviewDate', 'Enter the date of first review');
      const start = answers.date('agreementStartDate');
      if (start === null) return [];
      const latest = addMonths(start, 1);
      return first > latest
        ? [finding(`Date of first review must be no later than ${show(latest)}, one month after the agreement start date`, 'firstReviewDate')]
        : [];
    },
  },
  {
    id: 'review-frequency',
    form: 'agreement',
    severity: 'error',
    section: '§3.8',
    citations: [PROCEDURE.review],
    summary: 'Reviews after the first are at least every three months.',
    needs: () => ['reviewFrequency'],
    check(answers) {
      const frequency = answers.choice('reviewFrequency');
      if (frequency === null) {
        return choiceAnswered(answers, 'reviewFrequency', 'Select how often the agreement will be reviewed after the first review');
      }
      return FREQUENCIES.includes(frequency)
        ? []
        : [finding('Select a review frequency of at most three months: reviews must be at least every three months', 'reviewFrequency')];
    },
  },
  {
    id: 'review-attendees',
    form: 'agreement',
    severity: 'warning',
    section: '§3.8',
    citations: [PROCEDURE.review],
    summary: 'Reviews will include the young person, their family and other relevant parties.',
    needs: () => ['reviewAttendees'],
    check(answers) {
      const attendees = answers.multi('reviewAttendees');
      const missing = [
        attendees.includes('youngPerson') ? null : 'the young person',
        attendees.includes('family') ? null : 'their family',
        attendees.some((attendee) => OTHER_RELEVANT_PARTIES.includes(attendee)) ? null : 'at least one other relevant party',
      ].filter((part): part is string => part !== null);
      return missing.length === 0
        ? []
        : [finding(`Select who will attend reviews: include ${missing.join(', ').replace(/, ([^,]*)$/, ' and $1')}`, 'reviewAttendees')];
    },
  },
  datesValidRule('agreement', ['decisionDate', 'gillickAssessedDate', 'signedDate']),
];
