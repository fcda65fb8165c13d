/** Factories for snapshots in tests: a form's answers in the plain form of the fixture expectations. */
import { parseDate } from '../../lib/dates';
import type { FormKind } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import type { FieldValue, FormSnapshot, TableCell } from '../../lib/forms/snapshot';
import type { ExpectedAnswer } from './fixtures';

function dateValue(answer: ExpectedAnswer): FieldValue & { type: 'date' } {
  if (answer === null || answer === undefined) return { type: 'date', date: { state: 'empty' } };
  if (typeof answer === 'object' && 'invalid' in answer) return { type: 'date', date: { state: 'invalid', text: answer.invalid } };
  const parsed = parseDate(String(answer));
  if (parsed.state !== 'valid') throw new Error(`Not a date for a test: ${String(answer)}`);
  return { type: 'date', date: parsed };
}

export function valueFor(type: string, answer: ExpectedAnswer): FieldValue {
  switch (type) {
    case 'text':
      return { type: 'text', text: (answer as string | null) ?? '' };
    case 'date':
      return dateValue(answer);
    case 'yesno':
      return { type: 'yesno', answer: answer as 'yes' | 'no' | null, text: answer === null ? null : String(answer) };
    case 'choice':
      if (answer !== null && typeof answer === 'object' && 'invalid' in answer) return { type: 'choice', answer: null, text: answer.invalid };
      return { type: 'choice', answer: answer as string | null, text: answer === null ? null : String(answer) };
    case 'multi':
      return { type: 'multi', answers: (answer as string[] | null) ?? [], unrecognised: [] };
    case 'table':
      return {
        type: 'table',
        rows: ((answer as Array<Record<string, ExpectedAnswer>> | null) ?? []).map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([column, cell]): [string, TableCell] => [
              column,
              column === 'byWhen' ? dateValue(cell) : { type: 'text', text: (cell as string | null) ?? '' },
            ]),
          ),
        ),
      };
    default:
      throw new Error(`No such question type: ${type}`);
  }
}

export interface SnapshotOptions {
  /** Questions the page does not show. */
  missing?: string[];
  hidden?: string[];
  readOnly?: boolean;
  personId?: string | null;
}

/** A snapshot of the reference form of `kind` with these answers (questions not given are unanswered). */
export function snapshotFor(kind: FormKind, answers: Record<string, ExpectedAnswer>, options: SnapshotOptions = {}): FormSnapshot {
  const profile = builtInProfiles.find((candidate) => candidate.kind === kind)!;
  const missing = options.missing ?? [];
  const fields: FormSnapshot['fields'] = {};
  for (const question of profile.questions) {
    if (missing.includes(question.name)) continue;
    fields[question.name] = {
      name: question.name,
      type: question.type,
      label: question.label,
      hidden: options.hidden?.includes(question.name) ?? false,
      value: valueFor(question.type, answers[question.name] ?? null),
      locator: `#${question.name}`,
      foundBy: 'label',
    };
  }
  for (const name of Object.keys(answers)) {
    if (!profile.questions.some((question) => question.name === name)) throw new Error(`No question ${name} on the ${kind} form`);
  }
  return {
    kind,
    profileId: profile.id,
    title: profile.title,
    personId: options.personId === undefined ? '1234567' : options.personId,
    readOnly: options.readOnly ?? false,
    fields,
    missing: profile.questions.filter((question) => missing.includes(question.name)).map((question) => question.name),
    labels: Object.fromEntries(profile.questions.map((question) => [question.name, question.label])),
    sections: Object.fromEntries(profile.questions.flatMap((question) => (question.section ? [[question.name, question.section]] : []))),
  };
}

/** Forms that meet every rule, to change one answer at a time. */
export const COMPLETE: Record<FormKind, Record<string, ExpectedAnswer>> = {
  decision: {
    placementType: 'fosterCare',
    concernRaisedDate: '2026-06-01',
    concernRaisedBy: 'Jo Carer, foster carer',
    socialWorkerInformedDate: '2026-06-02',
    riskNature: 'harmFromOthers',
    riskDescription: 'Adults unknown to the carers have contacted the young person online.',
    extremismConcern: 'no',
    riskAssessmentDate: '2026-06-05',
    assessmentInvolved: ['youngPerson', 'family', 'carers'],
    familyNotInvolvedReason: '',
    riskLevel: 'significant',
    strategyDiscussionDate: '2026-06-08',
    efrhPresented: 'yes',
    efrhPanelDate: '2026-06-10',
    channelReferred: 'no',
    channelReferralDate: null,
    panelMinutesRecorded: 'yes',
    plansUpdated: 'yes',
    teamManager: 'Terry Manager',
    teamManagerEvaluationDate: '2026-06-12',
    serviceManager: 'Sam Manager',
    serviceManagerEvaluationDate: '2026-06-12',
    monitoringWarranted: 'yes',
    decisionDate: '2026-06-15',
    legalAdviceSought: 'yes',
    legalAdviceReasons: 'Advice sought on privacy.',
    decisionReasons: 'The contact continues despite safety work.',
    lessRestrictiveEvidence: 'Safety sessions and phone-free times have not stopped it.',
    proportionality: 'Limited to messaging apps, for three months.',
    proposedMeasures: 'Filtering software, weekly check together.',
    youngPersonDiscussedDate: '2026-06-16',
    familyDiscussedDate: '2026-06-16',
    familyNotDiscussedReason: '',
    familySupportAvailable: 'yes',
    advocateRecommended: 'no',
    advocateAgreed: 'no',
    advocateName: '',
    authorisedBy: 'Sam Manager',
    authorisedDate: '2026-06-17',
  },
  agreement: {
    decisionDate: '2026-06-15',
    measuresAgreed: 'Filtering software on the phone; weekly check together.',
    agreementStartDate: '2026-07-01',
    agreementEndDate: '2026-12-31',
    gillickCompetent: 'yes',
    gillickAssessedBy: 'Alex Worker',
    gillickAssessedDate: '2026-06-20',
    signedBy: 'youngPerson',
    signatoryName: '',
    signedDate: '2026-06-25',
    agreementOnRecord: 'yes',
    actionPlan: [{ action: 'Online safety sessions', who: 'Carer', byWhen: '2026-09-01' }],
    stepDownPlan: 'Checks go from weekly to monthly.',
    firstReviewDate: '2026-08-01',
    reviewFrequency: 'monthly',
    reviewAttendees: ['youngPerson', 'family', 'socialWorker'],
  },
  review: {
    agreementStartDate: '2026-07-01',
    agreementEndDate: '2026-12-31',
    reviewDate: '2026-08-01',
    attendees: ['youngPerson', 'family', 'socialWorker'],
    youngPersonNotAttendedReason: '',
    youngPersonViews: 'Finds the checks fair.',
    actionPlanProgress: 'Two of three sessions done.',
    stillNecessary: 'yes',
    necessityReasons: 'Contact attempts continue.',
    outcome: 'continue',
    nextReviewDate: '2026-11-01',
  },
};
