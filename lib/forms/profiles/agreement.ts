import type { AnswerValue } from '../../model/vocabulary';
import type { ProfileOf } from '../profile';

const attendeeAnswers: Array<{ value: AnswerValue<'agreement', 'reviewAttendees'>; label: string; aliases?: string[] }> = [
  { value: 'youngPerson', label: 'Young person' },
  { value: 'family', label: 'Family' },
  { value: 'carers', label: 'Carers' },
  { value: 'socialWorker', label: 'Social worker' },
  { value: 'iro', label: 'Independent Reviewing Officer', aliases: ['IRO', 'Independent Reviewing Officer (IRO)'] },
  { value: 'otherParties', label: 'Other relevant parties' },
];

/** The answers of "Who will attend reviews?" and "Who attended the review?". */
export function reviewAttendeeAnswers() {
  return attendeeAnswers.map((answer) => ({ ...answer, aliases: answer.aliases && [...answer.aliases] }));
}

/** Form 2 of forms.md: the written agreement. */
export const agreementProfile = {
  id: 'reference-agreement',
  kind: 'agreement',
  title: 'Internet monitoring: written agreement',
  titleAliases: ['Monitoring agreement'],
  templateCode: 'CS_INET_MON_AGR',
  questions: [
    { name: 'decisionDate', type: 'date', code: 'MA_DECISION_DATE', section: 'Agreement', label: 'Date of decision to monitor' },
    { name: 'measuresAgreed', type: 'text', code: 'MA_MEASURES', section: 'Agreement', label: 'Monitoring measures agreed' },
    { name: 'agreementStartDate', type: 'date', code: 'MA_START', section: 'Agreement', label: 'Agreement start date', aliases: ['Start date of agreement'] },
    { name: 'agreementEndDate', type: 'date', code: 'MA_END', section: 'Agreement', label: 'Agreement end date', aliases: ['End date of agreement'] },
    { name: 'gillickCompetent', type: 'yesno', code: 'MA_GILLICK', section: 'Consent', label: 'Is the young person Gillick competent to agree to this?', aliases: ['Is the young person Gillick competent?'] },
    { name: 'gillickAssessedBy', type: 'text', code: 'MA_GILLICK_BY', section: 'Consent', label: 'Gillick competence assessed by' },
    { name: 'gillickAssessedDate', type: 'date', code: 'MA_GILLICK_DATE', section: 'Consent', label: 'Date Gillick competence assessed' },
    {
      name: 'signedBy', type: 'choice', code: 'MA_SIGNED_BY', section: 'Consent', label: 'Agreement signed by',
      answers: [
        { value: 'youngPerson', label: 'Young person' },
        { value: 'parent', label: 'Parent with parental responsibility' },
        { value: 'otherParentalResponsibility', label: 'Other person with parental responsibility' },
        { value: 'corporateParent', label: 'Local authority (corporate parent)', aliases: ['Local authority', 'Corporate parent'] },
      ],
    },
    { name: 'signatoryName', type: 'text', code: 'MA_SIGNATORY_NAME', section: 'Consent', label: 'Name of signatory' },
    { name: 'signedDate', type: 'date', code: 'MA_SIGNED_DATE', section: 'Consent', label: 'Date written agreement signed', aliases: ['Date agreement signed'] },
    { name: 'agreementOnRecord', type: 'yesno', code: 'MA_UPLOADED', section: 'Consent', label: "Signed agreement added to the young person's record?" },
    {
      name: 'actionPlan', type: 'table', code: 'MA_ACTIONS', section: 'Action plan', label: 'Positive measures to replace monitoring',
      columns: [
        { name: 'action', label: 'Action', type: 'text' },
        { name: 'who', label: 'Who', type: 'text' },
        { name: 'byWhen', label: 'By when', aliases: ['By when (date)'], type: 'date' },
      ],
    },
    { name: 'stepDownPlan', type: 'text', code: 'MA_STEP_DOWN', section: 'Action plan', label: 'How monitoring will be reduced over the agreed period' },
    { name: 'firstReviewDate', type: 'date', code: 'MA_FIRST_REVIEW', section: 'Review', label: 'Date of first review' },
    {
      name: 'reviewFrequency', type: 'choice', code: 'MA_FREQUENCY', section: 'Review', label: 'Review frequency after the first review', aliases: ['Review frequency'],
      answers: [
        { value: 'monthly', label: 'Monthly' },
        { value: 'twoMonthly', label: 'Every 2 months', aliases: ['Every two months'] },
        { value: 'threeMonthly', label: 'Every 3 months', aliases: ['Every three months', 'Quarterly'] },
      ],
    },
    { name: 'reviewAttendees', type: 'multi', code: 'MA_ATTENDEES', section: 'Review', label: 'Who will attend reviews?', answers: reviewAttendeeAnswers() },
  ],
} satisfies ProfileOf<'agreement'>;
