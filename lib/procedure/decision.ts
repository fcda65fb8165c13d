/** The rules of the decision record (rules.md, "Decision record"). */
import { addDays } from '../dates';
import type { Answers } from './answers';
import { answeredYes, choiceAnswered, dateGiven, finding, show, textGiven, when, yesNoAnswered } from './checks';
import { PROCEDURE } from './citations';
import { datesValidRule } from './dates-valid';
import type { Finding, Rule } from './types';

const warranted = (answers: Answers) => answers.yesno('monitoringWarranted') === 'yes';
const anyPanel = (answers: Answers) => answers.yesno('efrhPresented') === 'yes' || answers.yesno('channelReferred') === 'yes';

/** Dates of the decision, in the order the procedure sets; the managers' evaluations share a step. */
const DECISION_ORDER: ReadonlyArray<readonly string[]> = [
  ['concernRaisedDate'],
  ['socialWorkerInformedDate'],
  ['riskAssessmentDate'],
  ['teamManagerEvaluationDate', 'serviceManagerEvaluationDate'],
  ['decisionDate'],
  ['youngPersonDiscussedDate'],
];

export const decisionRules: Rule[] = [
  {
    id: 'placement-in-scope',
    form: 'decision',
    severity: 'error',
    section: '§1',
    citations: [PROCEDURE.scope],
    summary: 'The placement type is recorded, and is one this procedure covers.',
    needs: () => ['placementType'],
    excludesOthers: (answers) => answers.choice('placementType') === 'childrensHome',
    check(answers) {
      const placement = answers.choice('placementType');
      if (placement === null) return [finding('Select the placement type', 'placementType')];
      if (placement === 'childrensHome') {
        return [
          finding(
            "This procedure does not apply to a young person in a children's home: use the children's homes Surveillance and Monitoring guidance instead",
            'placementType',
          ),
        ];
      }
      return [];
    },
  },
  {
    id: 'risk-nature',
    form: 'decision',
    severity: 'error',
    section: '§2, §3.1',
    citations: [PROCEDURE.threshold, PROCEDURE.informImmediately],
    summary: 'The nature of the risk is recorded.',
    needs: () => ['riskNature'],
    check: (answers) => choiceAnswered(answers, 'riskNature', 'Select the nature of the risk'),
  },
  {
    id: 'risk-description',
    form: 'decision',
    severity: 'error',
    section: '§2',
    citations: [PROCEDURE.threshold],
    summary: 'The risk is described.',
    needs: () => ['riskDescription'],
    check: (answers) => textGiven(answers, 'riskDescription', 'Describe the risk'),
  },
  {
    id: 'social-worker-informed',
    form: 'decision',
    severity: 'error',
    section: '§3.1',
    citations: [PROCEDURE.informImmediately],
    summary: 'The dates the concern was raised and the social worker was informed are recorded.',
    needs: () => ['concernRaisedDate', 'socialWorkerInformedDate'],
    check: (answers) => [
      ...dateGiven(answers, 'concernRaisedDate', 'Enter the date the concern was raised'),
      ...dateGiven(answers, 'socialWorkerInformedDate', 'Enter the date the social worker was informed'),
    ],
  },
  {
    id: 'informed-immediately',
    form: 'decision',
    severity: 'warning',
    section: '§3.1',
    citations: [PROCEDURE.informImmediately],
    summary: 'The social worker was informed no later than the day after the concern was raised.',
    needs: () => [],
    check(answers) {
      const raised = answers.date('concernRaisedDate');
      const informed = answers.date('socialWorkerInformedDate');
      if (raised === null || informed === null) return [];
      const latest = addDays(raised, 1);
      return informed > latest
        ? [finding(`The social worker should have been informed immediately: check the date social worker informed, which should be no later than ${show(latest)}`, 'socialWorkerInformedDate')]
        : [];
    },
  },
  {
    id: 'assessment-recorded',
    form: 'decision',
    severity: 'error',
    section: '§3.2',
    citations: [PROCEDURE.assess],
    summary: 'The risk assessment is dated and its risk level recorded.',
    needs: () => ['riskAssessmentDate', 'riskLevel'],
    check: (answers) => [
      ...dateGiven(answers, 'riskAssessmentDate', 'Enter the date of the risk assessment'),
      ...choiceAnswered(answers, 'riskLevel', 'Select the risk level identified'),
    ],
  },
  {
    id: 'young-person-involved',
    form: 'decision',
    severity: 'error',
    section: '§3.2',
    citations: [PROCEDURE.assess],
    summary: 'The young person was involved in the assessment.',
    needs: () => ['assessmentInvolved'],
    check: (answers) =>
      answers.multi('assessmentInvolved').includes('youngPerson')
        ? []
        : [finding("Select 'Young person' in who was involved in the assessment: the young person must be involved", 'assessmentInvolved')],
  },
  {
    id: 'family-involved',
    form: 'decision',
    severity: 'warning',
    section: '§3.2',
    citations: [PROCEDURE.assess],
    summary: 'The family was involved in the assessment, or the reason they were not is given.',
    needs: (answers) => ['assessmentInvolved', ...when(!answers.multi('assessmentInvolved').includes('family'), 'familyNotInvolvedReason')],
    check: (answers) =>
      answers.multi('assessmentInvolved').includes('family') || answers.text('familyNotInvolvedReason') !== null
        ? []
        : [finding("Select 'Family' in who was involved in the assessment, or enter the reason family were not involved", 'familyNotInvolvedReason', 'assessmentInvolved')],
  },
  {
    id: 'carers-involved',
    form: 'decision',
    severity: 'warning',
    section: '§3.2',
    citations: [PROCEDURE.assess],
    summary: 'Carers or other relevant officers were involved in the assessment.',
    needs: () => ['assessmentInvolved'],
    check(answers) {
      const involved = answers.multi('assessmentInvolved');
      return involved.includes('carers') || involved.includes('otherOfficers')
        ? []
        : [finding("Select 'Carers' or 'Other relevant officers' in who was involved in the assessment", 'assessmentInvolved')];
    },
  },
  {
    id: 'strategy-discussion',
    form: 'decision',
    severity: 'error',
    section: '§3.2',
    citations: [PROCEDURE.strategyDiscussion],
    summary: 'A significant risk of harm led to a strategy discussion, which is dated.',
    applies: (answers) => answers.choice('riskLevel') === 'significant',
    needs: () => ['strategyDiscussionDate'],
    check: (answers) =>
      dateGiven(answers, 'strategyDiscussionDate', 'Enter the date of the strategy discussion (a significant risk of harm needs one)'),
  },
  {
    id: 'efrh-panel',
    form: 'decision',
    severity: 'error',
    section: '§3.2',
    citations: [PROCEDURE.efrhPanel],
    summary: 'Whether the case went to the EFRH Panel is recorded, and if it did, the panel date.',
    needs: (answers) => ['efrhPresented', ...when(answers.yesno('efrhPresented') === 'yes', 'efrhPanelDate')],
    check(answers) {
      const presented = answers.yesno('efrhPresented');
      if (presented === null) return [finding('Select whether the case was presented to the EFRH Panel', 'efrhPresented')];
      return presented === 'yes' ? dateGiven(answers, 'efrhPanelDate', 'Enter the date of the EFRH Panel') : [];
    },
  },
  {
    id: 'channel-referral',
    form: 'decision',
    severity: 'error',
    section: '§3.2',
    citations: [PROCEDURE.channel],
    summary: 'A concern about extremism or radicalisation was referred to the Channel Panel, and the referral dated.',
    needs: (answers) => [
      'extremismConcern',
      ...when(answers.yesno('extremismConcern') === 'yes', 'channelReferred'),
      ...when(answers.yesno('extremismConcern') === 'yes' && answers.yesno('channelReferred') === 'yes', 'channelReferralDate'),
    ],
    check(answers) {
      const concern = answers.yesno('extremismConcern');
      if (concern === null) return [finding('Select whether there is a concern about extremism or radicalisation', 'extremismConcern')];
      if (concern === 'no') return [];
      if (answers.yesno('channelReferred') !== 'yes') {
        return [finding('Refer the young person to the Channel Panel and answer yes: there is a concern about extremism or radicalisation', 'channelReferred')];
      }
      return dateGiven(answers, 'channelReferralDate', 'Enter the date of the Channel referral');
    },
  },
  {
    id: 'panel-minutes',
    form: 'decision',
    severity: 'error',
    section: '§3.2',
    citations: [PROCEDURE.panelMinutes],
    summary: "The panel's minutes are recorded on the young person's file.",
    applies: anyPanel,
    needs: () => ['panelMinutesRecorded'],
    check: (answers) =>
      answeredYes(answers, 'panelMinutesRecorded', "Record the panel minutes on the young person's file, then answer yes"),
  },
  {
    id: 'plans-updated',
    form: 'decision',
    severity: 'warning',
    section: '§3.2',
    citations: [PROCEDURE.panelMinutes],
    summary: "The young person's plans were updated after the panel.",
    applies: anyPanel,
    needs: () => ['plansUpdated'],
    check: (answers) => answeredYes(answers, 'plansUpdated', "Update the young person's plans following the panel, then answer yes"),
  },
  {
    id: 'managers-evaluation',
    form: 'decision',
    severity: 'error',
    section: '§3.3',
    citations: [PROCEDURE.evaluate],
    summary: 'The Team Manager and the Service Manager are named, and each evaluation dated.',
    needs: () => ['teamManager', 'teamManagerEvaluationDate', 'serviceManager', 'serviceManagerEvaluationDate'],
    check: (answers) => [
      ...textGiven(answers, 'teamManager', 'Enter the name of the Team Manager'),
      ...dateGiven(answers, 'teamManagerEvaluationDate', 'Enter the date the risk assessment was evaluated with the Team Manager'),
      ...textGiven(answers, 'serviceManager', 'Enter the name of the Service Manager'),
      ...dateGiven(answers, 'serviceManagerEvaluationDate', 'Enter the date the risk assessment was evaluated with the Service Manager'),
    ],
  },
  {
    id: 'decision-reasons',
    form: 'decision',
    severity: 'error',
    section: '§3.4',
    citations: [PROCEDURE.recordReasons],
    summary: 'The decision is made, dated and its reasons recorded.',
    needs: () => ['monitoringWarranted', 'decisionDate', 'decisionReasons'],
    check: (answers) => [
      ...yesNoAnswered(answers, 'monitoringWarranted', 'Select whether surveillance or monitoring is warranted'),
      ...dateGiven(answers, 'decisionDate', 'Enter the date of the decision'),
      ...textGiven(answers, 'decisionReasons', 'Enter the reasons for the decision'),
    ],
  },
  {
    id: 'threshold-met',
    form: 'decision',
    severity: 'error',
    section: '§2',
    citations: [PROCEDURE.threshold],
    summary: 'Monitoring is warranted only for a significant risk of harm.',
    applies: (answers) => warranted(answers) && answers.choice('riskLevel') !== null,
    needs: () => ['riskLevel'],
    check: (answers) =>
      answers.choice('riskLevel') === 'significant'
        ? []
        : [finding('Monitoring can only be warranted for a substantial risk of significant harm: check the risk level identified and whether monitoring is warranted', 'riskLevel', 'monitoringWarranted')],
  },
  {
    id: 'legal-advice-reasons',
    form: 'decision',
    severity: 'error',
    section: '§3.3',
    citations: [PROCEDURE.legalAdvice],
    summary: 'Whether legal advice was sought is recorded, with the reasons.',
    applies: warranted,
    needs: () => ['legalAdviceSought', 'legalAdviceReasons'],
    check: (answers) => [
      ...yesNoAnswered(answers, 'legalAdviceSought', 'Select whether legal advice was sought'),
      ...textGiven(answers, 'legalAdviceReasons', 'Enter the reasons for seeking or not seeking legal advice'),
    ],
  },
  {
    id: 'less-restrictive-evidence',
    form: 'decision',
    severity: 'error',
    section: '§2, §3.4',
    citations: [PROCEDURE.threshold, PROCEDURE.lessRestrictive],
    summary: 'The evidence that less restrictive measures cannot reduce the risk is recorded.',
    applies: warranted,
    needs: () => ['lessRestrictiveEvidence'],
    check: (answers) =>
      textGiven(answers, 'lessRestrictiveEvidence', 'Enter why the risk cannot be reduced by less restrictive measures'),
  },
  {
    id: 'proportionality',
    form: 'decision',
    severity: 'warning',
    section: '§2',
    citations: [PROCEDURE.ofstedTests],
    summary: 'Why the measure is necessary, reasonable and proportionate is recorded.',
    applies: warranted,
    needs: () => ['proportionality'],
    check: (answers) => textGiven(answers, 'proportionality', 'Enter why the measure is necessary, reasonable and proportionate'),
  },
  {
    id: 'measures-described',
    form: 'decision',
    severity: 'error',
    section: '§3.4',
    citations: [PROCEDURE.recordReasons],
    summary: 'The proposed monitoring measures are described.',
    applies: warranted,
    needs: () => ['proposedMeasures'],
    check: (answers) => textGiven(answers, 'proposedMeasures', 'Describe the proposed monitoring measures'),
  },
  {
    id: 'young-person-consulted',
    form: 'decision',
    severity: 'error',
    section: '§3.5',
    citations: [PROCEDURE.discuss],
    summary: 'The proposal was discussed with the young person, and the date recorded.',
    applies: warranted,
    needs: () => ['youngPersonDiscussedDate'],
    check: (answers) =>
      dateGiven(answers, 'youngPersonDiscussedDate', 'Enter the date the proposal was discussed with the young person'),
  },
  {
    id: 'family-consulted',
    form: 'decision',
    severity: 'warning',
    section: '§3.5',
    citations: [PROCEDURE.discuss],
    summary: 'The proposal was discussed with the family, or the reason it was not is given.',
    applies: warranted,
    needs: (answers) => ['familyDiscussedDate', ...when(answers.date('familyDiscussedDate') === null, 'familyNotDiscussedReason')],
    check: (answers) =>
      answers.date('familyDiscussedDate') !== null || answers.text('familyNotDiscussedReason') !== null
        ? []
        : [finding('Enter the date the proposal was discussed with family, or the reason it was not', 'familyDiscussedDate', 'familyNotDiscussedReason')],
  },
  {
    id: 'advocate-offered',
    form: 'decision',
    severity: 'error',
    section: '§3.5',
    citations: [PROCEDURE.advocate],
    summary: 'A young person without family to support them was offered an advocate, and one was arranged if they agreed.',
    applies: warranted,
    needs: (answers) => [
      'familySupportAvailable',
      ...when(answers.yesno('familySupportAvailable') === 'no', 'advocateRecommended'),
      ...when(answers.yesno('advocateRecommended') === 'yes', 'advocateAgreed'),
      ...when(answers.yesno('advocateAgreed') === 'yes', 'advocateName'),
    ],
    check(answers) {
      const findings: Finding[] = [];
      const support = answers.yesno('familySupportAvailable');
      if (support === null) {
        findings.push(finding('Select whether the young person has family who can support them in this discussion', 'familySupportAvailable'));
      } else if (support === 'no' && answers.yesno('advocateRecommended') !== 'yes') {
        findings.push(finding('Recommend an advocate to the young person, then answer yes: they have no family who can support them', 'advocateRecommended'));
      }
      if (answers.yesno('advocateAgreed') === 'yes') {
        findings.push(...textGiven(answers, 'advocateName', 'Enter the name of the advocate arranged'));
      }
      return findings;
    },
  },
  datesValidRule('decision', [
    'concernRaisedDate', 'socialWorkerInformedDate', 'riskAssessmentDate', 'strategyDiscussionDate', 'efrhPanelDate',
    'channelReferralDate', 'teamManagerEvaluationDate', 'serviceManagerEvaluationDate', 'decisionDate',
    'youngPersonDiscussedDate', 'familyDiscussedDate', 'authorisedDate',
  ]),
  {
    id: 'dates-in-order',
    form: 'decision',
    severity: 'warning',
    section: '§3',
    citations: [PROCEDURE.assess, PROCEDURE.evaluate, PROCEDURE.discuss],
    summary: 'The dates follow the order of the procedure: concern, social worker informed, assessment, evaluation, decision, discussion.',
    needs: () => [],
    check(answers) {
      const findings: Finding[] = [];
      const given = DECISION_ORDER.map((step) => step.filter((name) => answers.date(name) !== null));
      given.forEach((step, index) => {
        const next = given.slice(index + 1).find((later) => later.length > 0) ?? [];
        for (const earlier of step) {
          for (const later of next) {
            const earlierDate = answers.date(earlier)!;
            if (answers.date(later)! < earlierDate) {
              findings.push(
                finding(`${answers.label(later)} should be on or after ${answers.label(earlier).toLowerCase()} (${show(earlierDate)})`, later, earlier),
              );
            }
          }
        }
      });
      return findings;
    },
  },
  {
    id: 'authorised',
    form: 'decision',
    severity: 'warning',
    section: '§3.3',
    citations: [PROCEDURE.evaluate],
    summary: 'A manager has authorised the decision, and dated it.',
    needs: () => ['authorisedBy', 'authorisedDate'],
    check: (answers) => [
      ...textGiven(answers, 'authorisedBy', 'Enter who authorised the decision'),
      ...dateGiven(answers, 'authorisedDate', 'Enter the date the decision was authorised'),
    ],
  },
];
