/**
 * Every rule, both ways: a change to a complete form that makes it fire, and one where it holds.
 * The cases' keys must be exactly the form's rules, so a rule cannot go untested.
 */
import { describe, expect, it } from 'vitest';
import type { FormKind } from '../forms/profile';
import { DEFAULT_SETTINGS } from '../settings';
import { evaluate } from './evaluate';
import { RULES } from './registry';
import type { RuleContext } from './types';
import { COMPLETE, snapshotFor } from '../../test/support/snapshots';
import type { ExpectedAnswer } from '../../test/support/fixtures';

interface Case {
  why: string;
  answers?: Record<string, ExpectedAnswer>;
  missing?: string[];
  context?: Partial<RuleContext>;
}

const TODAY = '2026-11-25';

function run(kind: FormKind, change: Case) {
  const snapshot = snapshotFor(kind, { ...COMPLETE[kind], ...change.answers }, { missing: change.missing });
  return evaluate(snapshot, { today: TODAY, settings: DEFAULT_SETTINGS, trackedReviewDue: null, ...change.context });
}

const CASES: Record<FormKind, Record<string, { fires: Case[]; passes: Case[] }>> = {
  decision: {
    'placement-in-scope': {
      fires: [
        { why: 'no placement type', answers: { placementType: null } },
        { why: "a children's home", answers: { placementType: 'childrensHome' } },
      ],
      passes: [{ why: 'supported lodgings', answers: { placementType: 'supportedLodgings' } }],
    },
    'risk-nature': { fires: [{ why: 'unanswered', answers: { riskNature: null } }], passes: [{ why: 'both', answers: { riskNature: 'both' } }] },
    'risk-description': {
      fires: [{ why: 'empty', answers: { riskDescription: '' } }, { why: 'a placeholder', answers: { riskDescription: ' N/A. ' } }],
      passes: [{ why: 'described', answers: { riskDescription: 'Grooming risk' } }],
    },
    'social-worker-informed': {
      fires: [{ why: 'no date informed', answers: { socialWorkerInformedDate: null } }, { why: 'no concern date', answers: { concernRaisedDate: null } }],
      passes: [{ why: 'both dates', answers: {} }],
    },
    'informed-immediately': {
      fires: [{ why: 'two days later', answers: { socialWorkerInformedDate: '2026-06-03' } }],
      passes: [
        { why: 'the next day', answers: { socialWorkerInformedDate: '2026-06-02' } },
        { why: 'the same day', answers: { socialWorkerInformedDate: '2026-06-01' } },
        { why: 'a date missing', answers: { concernRaisedDate: null } },
      ],
    },
    'assessment-recorded': {
      fires: [{ why: 'no risk level', answers: { riskLevel: null } }, { why: 'no date', answers: { riskAssessmentDate: null } }],
      passes: [{ why: 'both', answers: {} }],
    },
    'young-person-involved': {
      fires: [{ why: 'not ticked', answers: { assessmentInvolved: ['family', 'carers'] } }],
      passes: [{ why: 'ticked', answers: { assessmentInvolved: ['youngPerson'] } }],
    },
    'family-involved': {
      fires: [{ why: 'no family, no reason', answers: { assessmentInvolved: ['youngPerson', 'carers'] } }],
      passes: [
        { why: 'a reason', answers: { assessmentInvolved: ['youngPerson', 'carers'], familyNotInvolvedReason: 'Estranged' } },
        { why: 'family ticked, the reason question absent', answers: {}, missing: ['familyNotInvolvedReason'] },
      ],
    },
    'carers-involved': {
      fires: [{ why: 'neither', answers: { assessmentInvolved: ['youngPerson', 'family'] } }],
      passes: [{ why: 'other officers', answers: { assessmentInvolved: ['youngPerson', 'otherOfficers'] } }],
    },
    'strategy-discussion': {
      fires: [{ why: 'significant, undated', answers: { strategyDiscussionDate: null } }],
      passes: [{ why: 'not significant', answers: { riskLevel: 'someNotSignificant', strategyDiscussionDate: null, monitoringWarranted: 'no' } }],
    },
    'efrh-panel': {
      fires: [{ why: 'presented, undated', answers: { efrhPanelDate: null } }, { why: 'unanswered', answers: { efrhPresented: null } }],
      passes: [{ why: 'not presented, no date question', answers: { efrhPresented: 'no', efrhPanelDate: null }, missing: ['efrhPanelDate'] }],
    },
    'channel-referral': {
      fires: [
        { why: 'extremism, not referred', answers: { extremismConcern: 'yes', channelReferred: 'no' } },
        { why: 'referred, undated', answers: { extremismConcern: 'yes', channelReferred: 'yes', channelReferralDate: null } },
      ],
      passes: [{ why: 'referred and dated', answers: { extremismConcern: 'yes', channelReferred: 'yes', channelReferralDate: '2026-06-11' } }],
    },
    'panel-minutes': {
      fires: [{ why: 'EFRH held, no minutes', answers: { panelMinutesRecorded: 'no' } }],
      passes: [{ why: 'no panel', answers: { efrhPresented: 'no', panelMinutesRecorded: 'no', plansUpdated: 'no' } }],
    },
    'plans-updated': {
      fires: [{ why: 'panel held, plans not updated', answers: { plansUpdated: 'no' } }],
      passes: [{ why: 'no panel', answers: { efrhPresented: 'no', plansUpdated: 'no' } }],
    },
    'managers-evaluation': {
      fires: [{ why: 'no Service Manager', answers: { serviceManager: 'tbc' } }, { why: 'no TM date', answers: { teamManagerEvaluationDate: null } }],
      passes: [{ why: 'both named and dated', answers: {} }],
    },
    'decision-reasons': {
      fires: [
        { why: 'no reasons', answers: { decisionReasons: 'see notes' } },
        { why: 'warranted unanswered', answers: { monitoringWarranted: null } },
      ],
      passes: [{ why: 'not warranted, with reasons', answers: { monitoringWarranted: 'no' } }],
    },
    'threshold-met': {
      fires: [{ why: 'warranted without significant risk', answers: { riskLevel: 'someNotSignificant' } }],
      passes: [{ why: 'not warranted', answers: { riskLevel: 'someNotSignificant', monitoringWarranted: 'no' } }],
    },
    'legal-advice-reasons': {
      fires: [{ why: 'no reasons', answers: { legalAdviceReasons: '' } }, { why: 'unanswered', answers: { legalAdviceSought: null } }],
      passes: [{ why: 'not warranted', answers: { legalAdviceReasons: '', monitoringWarranted: 'no' } }],
    },
    'less-restrictive-evidence': {
      fires: [{ why: 'no evidence', answers: { lessRestrictiveEvidence: 'As above' } }],
      passes: [{ why: 'not warranted, question not on the page', answers: { monitoringWarranted: 'no' }, missing: ['lessRestrictiveEvidence'] }],
    },
    proportionality: {
      fires: [{ why: 'missing', answers: { proportionality: '' } }],
      passes: [{ why: 'not warranted', answers: { proportionality: '', monitoringWarranted: 'no' } }],
    },
    'measures-described': {
      fires: [{ why: 'missing', answers: { proposedMeasures: '-' } }],
      passes: [{ why: 'not warranted', answers: { proposedMeasures: '', monitoringWarranted: 'no' } }],
    },
    'young-person-consulted': {
      fires: [{ why: 'undated', answers: { youngPersonDiscussedDate: null } }],
      passes: [{ why: 'not warranted', answers: { youngPersonDiscussedDate: null, monitoringWarranted: 'no' } }],
    },
    'family-consulted': {
      fires: [{ why: 'no date, no reason', answers: { familyDiscussedDate: null } }],
      passes: [{ why: 'a reason', answers: { familyDiscussedDate: null, familyNotDiscussedReason: 'No contact order' } }],
    },
    'advocate-offered': {
      fires: [
        { why: 'no family support, no advocate recommended', answers: { familySupportAvailable: 'no', advocateRecommended: 'no' } },
        { why: 'agreed, not named', answers: { familySupportAvailable: 'no', advocateRecommended: 'yes', advocateAgreed: 'yes', advocateName: '' } },
        { why: 'support unanswered', answers: { familySupportAvailable: null } },
      ],
      passes: [{ why: 'advocate arranged', answers: { familySupportAvailable: 'no', advocateRecommended: 'yes', advocateAgreed: 'yes', advocateName: 'Pat Advocate' } }],
    },
    'dates-valid': {
      fires: [
        { why: 'an impossible date', answers: { riskAssessmentDate: { invalid: '31/02/2026' } } },
        { why: 'a meeting in the future', answers: { authorisedDate: '2026-11-26' } },
      ],
      passes: [{ why: 'today is not the future', answers: { authorisedDate: TODAY } }],
    },
    'dates-in-order': {
      fires: [
        { why: 'assessment before the social worker knew', answers: { riskAssessmentDate: '2026-06-01' } },
        { why: 'discussion before the decision', answers: { youngPersonDiscussedDate: '2026-06-14' } },
        { why: 'a decision before the evaluation, with a date missing in between', answers: { teamManagerEvaluationDate: null, decisionDate: '2026-06-11' } },
      ],
      passes: [{ why: 'same day steps', answers: { teamManagerEvaluationDate: '2026-06-15', serviceManagerEvaluationDate: '2026-06-15' } }],
    },
    authorised: {
      fires: [{ why: 'not authorised', answers: { authorisedBy: '', authorisedDate: null } }],
      passes: [{ why: 'authorised', answers: {} }],
    },
  },
  agreement: {
    'decision-recorded': {
      fires: [{ why: 'no decision date', answers: { decisionDate: null } }, { why: 'decided after signing', answers: { decisionDate: '2026-06-26' } }],
      passes: [{ why: 'decided the day it was signed', answers: { decisionDate: '2026-06-25' } }],
    },
    'measures-agreed': { fires: [{ why: 'empty', answers: { measuresAgreed: '' } }], passes: [{ why: 'described', answers: {} }] },
    'gillick-answered': {
      fires: [{ why: 'unanswered', answers: { gillickCompetent: null } }],
      passes: [{ why: 'no', answers: { gillickCompetent: 'no', signedBy: 'parent', signatoryName: 'Parent' } }],
    },
    'signatory-allowed': {
      fires: [{ why: 'the local authority', answers: { signedBy: 'corporateParent', signatoryName: 'Director' } }, { why: 'unanswered', answers: { signedBy: null } }],
      passes: [{ why: 'the young person', answers: {} }],
    },
    'signatory-matches-competence': {
      fires: [
        { why: 'competent, parent signed', answers: { signedBy: 'parent', signatoryName: 'Parent' } },
        { why: 'not competent, young person signed', answers: { gillickCompetent: 'no' } },
      ],
      passes: [
        { why: 'not competent, other person with PR', answers: { gillickCompetent: 'no', signedBy: 'otherParentalResponsibility', signatoryName: 'Aunt' } },
        { why: 'local authority (reported by signatory-allowed alone)', answers: { signedBy: 'corporateParent', signatoryName: 'Director' } },
      ],
    },
    'gillick-assessment': {
      fires: [{ why: 'no assessor', answers: { gillickAssessedBy: '' } }, { why: 'no date', answers: { gillickAssessedDate: null } }],
      passes: [{ why: 'not competent', answers: { gillickCompetent: 'no', signedBy: 'parent', signatoryName: 'Parent', gillickAssessedBy: '', gillickAssessedDate: null } }],
    },
    'signatory-named': {
      fires: [{ why: 'parent unnamed', answers: { gillickCompetent: 'no', signedBy: 'parent', signatoryName: '' } }],
      passes: [{ why: 'young person signs', answers: { signatoryName: '' } }],
    },
    'agreement-signed': { fires: [{ why: 'undated', answers: { signedDate: null } }], passes: [{ why: 'dated', answers: {} }] },
    'agreement-on-record': {
      fires: [{ why: 'no', answers: { agreementOnRecord: 'no' } }, { why: 'unanswered', answers: { agreementOnRecord: null } }],
      passes: [{ why: 'yes', answers: {} }],
    },
    'no-monitoring-before-agreement': {
      fires: [{ why: 'starts before signing', answers: { agreementStartDate: '2026-06-24', firstReviewDate: '2026-07-20' } }, { why: 'no start', answers: { agreementStartDate: null } }],
      passes: [{ why: 'starts the day it was signed', answers: { agreementStartDate: '2026-06-25', firstReviewDate: '2026-07-25' } }],
    },
    'time-limited': {
      fires: [{ why: 'no end', answers: { agreementEndDate: null } }, { why: 'ends as it starts', answers: { agreementEndDate: '2026-07-01' } }],
      passes: [{ why: 'ends later', answers: {} }],
    },
    'duration-exceptional': {
      fires: [{ why: 'seven months', answers: { agreementEndDate: '2027-02-01' } }],
      passes: [
        { why: 'exactly six months', answers: { agreementEndDate: '2027-01-01' } },
        { why: 'a longer local maximum', answers: { agreementEndDate: '2027-02-01' }, context: { settings: { ...DEFAULT_SETTINGS, maxAgreementMonths: 9 } } },
      ],
    },
    'action-plan': {
      fires: [
        { why: 'no rows', answers: { actionPlan: [] } },
        { why: 'a row without who', answers: { actionPlan: [{ action: 'Sessions', who: '', byWhen: '2026-09-01' }] } },
      ],
      passes: [{ why: 'one full row', answers: {} }],
    },
    'action-plan-within-period': {
      fires: [{ why: 'after the end', answers: { actionPlan: [{ action: 'Sessions', who: 'Carer', byWhen: '2027-01-15' }] } }],
      passes: [{ why: 'on the last day', answers: { actionPlan: [{ action: 'Sessions', who: 'Carer', byWhen: '2026-12-31' }] } }],
    },
    'step-down': { fires: [{ why: 'tbc', answers: { stepDownPlan: 'TBC' } }], passes: [{ why: 'described', answers: {} }] },
    'first-review-due': {
      fires: [{ why: 'too late', answers: { firstReviewDate: '2026-08-02' } }, { why: 'none', answers: { firstReviewDate: null } }],
      passes: [{ why: 'exactly one month', answers: { firstReviewDate: '2026-08-01' } }],
    },
    'review-frequency': {
      fires: [{ why: 'unanswered', answers: { reviewFrequency: null } }, { why: 'six-monthly', answers: { reviewFrequency: 'sixMonthly' } }],
      passes: [{ why: 'every three months', answers: { reviewFrequency: 'threeMonthly' } }],
    },
    'review-attendees': {
      fires: [{ why: 'no family', answers: { reviewAttendees: ['youngPerson', 'carers'] } }, { why: 'nobody else', answers: { reviewAttendees: ['youngPerson', 'family'] } }],
      passes: [{ why: 'with the IRO', answers: { reviewAttendees: ['youngPerson', 'family', 'iro'] } }],
    },
    'dates-valid': {
      fires: [
        { why: 'signed in the future', answers: { signedDate: '2026-12-01', agreementStartDate: '2026-12-01', firstReviewDate: '2026-12-20' } },
        { why: 'an impossible by-when date', answers: { actionPlan: [{ action: 'Sessions', who: 'Carer', byWhen: { invalid: '31/09/2026' } }, { action: 'Other', who: 'SW', byWhen: '2026-09-01' }] } },
      ],
      passes: [{ why: 'an end date in the future', answers: { agreementEndDate: '2026-12-31' } }],
    },
  },
  review: {
    'review-held': { fires: [{ why: 'undated', answers: { reviewDate: null } }], passes: [{ why: 'dated', answers: {} }] },
    'review-on-time': {
      fires: [{ why: 'held after the due date', context: { trackedReviewDue: '2026-07-31' } }],
      passes: [
        { why: 'held on the due date', context: { trackedReviewDue: '2026-08-01' } },
        { why: 'not tracked before', context: { trackedReviewDue: null } },
      ],
    },
    'young-person-attended': {
      fires: [{ why: 'absent, no reason', answers: { attendees: ['family', 'socialWorker'] } }],
      passes: [{ why: 'a reason', answers: { attendees: ['family', 'socialWorker'], youngPersonNotAttendedReason: 'Exams' } }],
    },
    'family-attended': { fires: [{ why: 'absent', answers: { attendees: ['youngPerson'] } }], passes: [{ why: 'present', answers: {} }] },
    'young-person-views': { fires: [{ why: 'none', answers: { youngPersonViews: 'none' } }], passes: [{ why: 'recorded', answers: {} }] },
    'action-plan-progress': { fires: [{ why: 'none', answers: { actionPlanProgress: '' } }], passes: [{ why: 'recorded', answers: {} }] },
    'necessity-reviewed': {
      fires: [{ why: 'no reasons', answers: { necessityReasons: '' } }, { why: 'unanswered', answers: { stillNecessary: null } }],
      passes: [{ why: 'answered with reasons', answers: {} }],
    },
    'outcome-consistent': {
      fires: [{ why: 'not necessary yet continued', answers: { stillNecessary: 'no' } }, { why: 'no outcome', answers: { outcome: null } }],
      passes: [{ why: 'not necessary and ended', answers: { stillNecessary: 'no', outcome: 'endMonitoring', nextReviewDate: null } }],
    },
    'next-review-due': {
      fires: [{ why: 'too late', answers: { nextReviewDate: '2026-11-02' } }, { why: 'none', answers: { nextReviewDate: null } }],
      passes: [
        { why: 'exactly three months', answers: { nextReviewDate: '2026-11-01' } },
        { why: 'ended, no date question', answers: { outcome: 'endMonitoring' }, missing: ['nextReviewDate'] },
      ],
    },
    'agreement-still-current': {
      fires: [{ why: 'after the end', answers: { agreementEndDate: '2026-10-31' } }],
      passes: [{ why: 'on the end date', answers: { agreementEndDate: '2026-11-01' } }],
    },
    'dates-valid': {
      fires: [{ why: 'review in the future', answers: { reviewDate: '2026-11-30', nextReviewDate: '2027-01-30', agreementEndDate: '2027-02-28' } }],
      passes: [{ why: 'next review in the future', answers: { nextReviewDate: '2026-11-30' } }],
    },
  },
};

const ids = (evaluation: ReturnType<typeof run>) => new Set(evaluation.gaps.map((gap) => gap.rule));

for (const kind of ['decision', 'agreement', 'review'] as const) {
  describe(`${kind} rules`, () => {
    it('has a case both ways for every rule, and none for a rule that does not exist', () => {
      expect(Object.keys(CASES[kind]).sort()).toEqual(RULES[kind].map((rule) => rule.id).sort());
      for (const [id, cases] of Object.entries(CASES[kind])) {
        expect(cases.fires.length, id).toBeGreaterThan(0);
        expect(cases.passes.length, id).toBeGreaterThan(0);
      }
    });

    it('finds nothing wrong with a complete form', () => {
      expect(run(kind, { why: 'complete' }).gaps).toEqual([]);
    });

    for (const [id, cases] of Object.entries(CASES[kind])) {
      for (const change of cases.fires) {
        it(`${id} fires: ${change.why}`, () => {
          const evaluation = run(kind, change);
          expect([...ids(evaluation)]).toContain(id);
          for (const gap of evaluation.gaps.filter((candidate) => candidate.rule === id)) {
            expect(gap.message).toMatch(/^[A-Z]/);
            expect(gap.kind).toBe('answer');
          }
        });
      }
      for (const change of cases.passes) {
        it(`${id} holds: ${change.why}`, () => {
          expect([...ids(run(kind, change))]).not.toContain(id);
        });
      }
    }
  });
}

describe('common points of rules.md', () => {
  it("a children's home is the only gap reported", () => {
    const evaluation = run('decision', { why: '', answers: { placementType: 'childrensHome', riskDescription: '', authorisedBy: '' } });
    expect([...ids(evaluation)]).toEqual(['placement-in-scope']);
  });

  it('an invalid date is reported once by dates-valid, and is missing to the other rules', () => {
    const evaluation = run('agreement', { why: '', answers: { firstReviewDate: { invalid: '31/06/2026' } } });
    expect(evaluation.gaps.map((gap) => [gap.rule, gap.message])).toEqual([
      ['first-review-due', 'Enter the date of first review: "31/06/2026" is not a real date'],
      ['dates-valid', 'Date of first review must be a real date, like 25 November 2026'],
    ]);
  });

  it('a two-digit year is refused in GOV.UK words', () => {
    const evaluation = run('agreement', { why: '', answers: { firstReviewDate: { invalid: '1/8/26' } } });
    expect(evaluation.gaps.find((gap) => gap.rule === 'dates-valid')?.message).toBe('Date of first review: year must include 4 numbers');
  });

  it('reports a question an applying rule needs but the page lacks, as an error of that rule', () => {
    const evaluation = run('agreement', { why: '', missing: ['firstReviewDate'] });
    expect(evaluation.gaps).toEqual([
      { rule: 'first-review-due', severity: 'error', kind: 'not-found', fields: ['firstReviewDate'], message: "Could not find the question 'Date of first review': if the form asks it, tell your council's Mosaic team" },
    ]);
  });

  it('does not ask for a hidden conditional question whose rule does not apply', () => {
    const evaluation = run('decision', { why: '', answers: { efrhPresented: 'no', channelReferred: 'no' }, missing: ['efrhPanelDate', 'channelReferralDate', 'panelMinutesRecorded', 'plansUpdated'] });
    expect(evaluation.gaps).toEqual([]);
  });

  it('does not let a warranted-only rule ask for anything when monitoring is not warranted', () => {
    const evaluation = run('decision', {
      why: '',
      answers: { monitoringWarranted: 'no', riskLevel: 'none', strategyDiscussionDate: null },
      missing: ['legalAdviceSought', 'legalAdviceReasons', 'lessRestrictiveEvidence', 'proportionality', 'proposedMeasures', 'youngPersonDiscussedDate', 'familyDiscussedDate', 'familyNotDiscussedReason', 'familySupportAvailable', 'advocateRecommended', 'advocateAgreed', 'advocateName'],
    });
    expect(evaluation.gaps).toEqual([]);
  });

  it('reports an answer the profile does not know, never treating it as a pass', () => {
    const evaluation = run('agreement', { why: '', answers: { signedBy: { invalid: 'Social worker' } } });
    expect(evaluation.gaps.filter((gap) => gap.kind === 'unrecognised').map((gap) => gap.rule).sort()).toEqual(
      ['signatory-allowed', 'signatory-matches-competence', 'signatory-named'],
    );
  });

  it('lists errors before warnings', () => {
    const evaluation = run('review', { why: '', answers: { attendees: ['youngPerson'], actionPlanProgress: '' } });
    expect(evaluation.gaps.map((gap) => gap.severity)).toEqual(['error', 'warning']);
  });
});
