/**
 * The form vocabulary: per form of the procedure, every field the rules and the tracker read,
 * with its type and, for a choice or multi question, its answer values (for a table, its columns).
 * It is the one owner of these names: the built-in profiles `satisfies` it (../forms/profiles),
 * a council's profile is checked against it (../forms/profile-schema.ts), and the rules' and the
 * tracker's lists of values are taken from it.
 */

import type { FormKind } from './kinds';
export { FORM_KINDS, type FormKind } from './kinds';

export type QuestionType = 'text' | 'date' | 'yesno' | 'choice' | 'multi' | 'table';
export const QUESTION_TYPES: readonly QuestionType[] = ['text', 'date', 'yesno', 'choice', 'multi', 'table'];

export type ColumnType = 'text' | 'date';

export type FieldSpec =
  | { readonly type: 'text' | 'date' | 'yesno' }
  | { readonly type: 'choice' | 'multi'; readonly values: readonly string[] }
  | { readonly type: 'table'; readonly columns: Readonly<Record<string, ColumnType>> };

const text = { type: 'text' } as const;
const date = { type: 'date' } as const;
const yesno = { type: 'yesno' } as const;

/** Who attends reviews (the agreement) and who attended one (the review): the same answers. */
const ATTENDEES = ['youngPerson', 'family', 'carers', 'socialWorker', 'iro', 'otherParties'] as const;

export const VOCABULARY = {
  decision: {
    placementType: { type: 'choice', values: ['fosterCare', 'supportedLodgings', 'supportedAccommodation', 'childrensHome', 'other'] },
    concernRaisedDate: date,
    concernRaisedBy: text,
    socialWorkerInformedDate: date,
    riskNature: { type: 'choice', values: ['harmFromOthers', 'harmToOthers', 'both'] },
    riskDescription: text,
    extremismConcern: yesno,
    riskAssessmentDate: date,
    assessmentInvolved: { type: 'multi', values: ['youngPerson', 'family', 'carers', 'otherOfficers'] },
    familyNotInvolvedReason: text,
    riskLevel: { type: 'choice', values: ['significant', 'someNotSignificant', 'none'] },
    strategyDiscussionDate: date,
    efrhPresented: yesno,
    efrhPanelDate: date,
    channelReferred: yesno,
    channelReferralDate: date,
    panelMinutesRecorded: yesno,
    plansUpdated: yesno,
    teamManager: text,
    teamManagerEvaluationDate: date,
    serviceManager: text,
    serviceManagerEvaluationDate: date,
    monitoringWarranted: yesno,
    decisionDate: date,
    legalAdviceSought: yesno,
    legalAdviceReasons: text,
    decisionReasons: text,
    lessRestrictiveEvidence: text,
    proportionality: text,
    proposedMeasures: text,
    youngPersonDiscussedDate: date,
    familyDiscussedDate: date,
    familyNotDiscussedReason: text,
    familySupportAvailable: yesno,
    advocateRecommended: yesno,
    advocateAgreed: yesno,
    advocateName: text,
    authorisedBy: text,
    authorisedDate: date,
  },
  agreement: {
    decisionDate: date,
    measuresAgreed: text,
    agreementStartDate: date,
    agreementEndDate: date,
    gillickCompetent: yesno,
    gillickAssessedBy: text,
    gillickAssessedDate: date,
    signedBy: { type: 'choice', values: ['youngPerson', 'parent', 'otherParentalResponsibility', 'corporateParent'] },
    signatoryName: text,
    signedDate: date,
    agreementOnRecord: yesno,
    actionPlan: { type: 'table', columns: { action: 'text', who: 'text', byWhen: 'date' } },
    stepDownPlan: text,
    firstReviewDate: date,
    reviewFrequency: { type: 'choice', values: ['monthly', 'twoMonthly', 'threeMonthly'] },
    reviewAttendees: { type: 'multi', values: ATTENDEES },
  },
  review: {
    agreementStartDate: date,
    agreementEndDate: date,
    reviewDate: date,
    attendees: { type: 'multi', values: ATTENDEES },
    youngPersonNotAttendedReason: text,
    youngPersonViews: text,
    actionPlanProgress: text,
    stillNecessary: yesno,
    necessityReasons: text,
    outcome: { type: 'choice', values: ['continue', 'continueWithChanges', 'endMonitoring'] },
    nextReviewDate: date,
  },
} as const satisfies Record<FormKind, Record<string, FieldSpec>>;

type Vocabulary = typeof VOCABULARY;

/** A field name of one form, e.g. `FieldName<'agreement'>` is `'decisionDate' | … | 'reviewAttendees'`. */
export type FieldName<K extends FormKind> = keyof Vocabulary[K] & string;

type SpecOf<K extends FormKind, N extends FieldName<K>> = Vocabulary[K][N];

/** The answer values of a choice or multi field, e.g. `AnswerValue<'agreement', 'signedBy'>`. */
export type AnswerValue<K extends FormKind, N extends FieldName<K>> = SpecOf<K, N> extends { values: readonly (infer V)[] } ? V : never;

/** The spec of a field, or undefined when the form has no field of that name. */
export function fieldSpec(kind: FormKind, name: string): FieldSpec | undefined {
  const fields = VOCABULARY[kind] as Record<string, FieldSpec>;
  return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
}

/** Every field name of a form, in the order of the reference form. */
export function fieldNames(kind: FormKind): string[] {
  return Object.keys(VOCABULARY[kind]);
}

/** The answer values of a choice or multi field ([] for any other). */
export function answerValues(kind: FormKind, name: string): readonly string[] {
  const spec = fieldSpec(kind, name);
  return spec && 'values' in spec ? spec.values : [];
}

/** The review frequencies of the written agreement, as the rules and the tracker know them. */
export const REVIEW_FREQUENCIES = VOCABULARY.agreement.reviewFrequency.values;
export type Frequency = (typeof REVIEW_FREQUENCIES)[number];

/** The outcomes of a review. */
export const OUTCOMES = VOCABULARY.review.outcome.values;
export type Outcome = (typeof OUTCOMES)[number];

/** What each form is called, for people. */
export const FORM_NAMES: Record<FormKind, string> = {
  decision: 'decision record',
  agreement: 'written agreement',
  review: 'agreement review',
};
