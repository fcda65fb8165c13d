/**
 * The parts of the procedure (procedure.txt) the rules come from, quoted word for word, so that
 * a worker can see why each answer is asked for. A test holds every quote to the procedure's text.
 */

export interface Citation {
  /** As rules.md numbers it: "§3.6". */
  section: string;
  /** The sentence of the procedure, as written. */
  quote: string;
}

export const PROCEDURE = {
  scope: {
    section: '§1',
    quote:
      "This guidance is drawn from the Children's Homes Regulations (2015), and so cannot be used with young people who are in foster care, supported lodgings or supported accommodation, or otherwise in our care; these groups are covered by this additional local procedure.",
  },
  threshold: {
    section: '§2',
    quote:
      "The surveillance and monitoring of internet use are restrictive practices that should only be used where the absence of such monitoring would place the young person at substantial risk of significant harm from others (or where the young person's use of the internet places others at substantial risk of significant harm), and where there is no less restrictive means of reducing this risk to an acceptable level.",
  },
  ofstedTests: {
    section: '§2',
    quote: "Could this action be considered 'reasonable' in this circumstance? Was it the minimum force necessary? Was it proportionate?",
  },
  involvingChildren: {
    section: '§2',
    quote: 'involving children, parents, and carers in reviewing practice',
  },
  informImmediately: {
    section: '§3.1',
    quote:
      "Where any person involved in the care of a young person in our care believes that use of the internet places the young person (or is likely to place them) at substantial risk of significant harm from others (or poses a substantial risk of the young person harming others) they should inform the young person's Social Worker immediately.",
  },
  assess: {
    section: '§3.2',
    quote:
      "The young person's Social Worker will assess the risk(s), involving the young person, their family (where appropriate) and all relevant officers and care givers in the assessment.",
  },
  strategyDiscussion: {
    section: '§3.2',
    quote: 'If the assessment indicates a significant risk of harm, the Social Worker and their manager will convene a strategy discussion.',
  },
  efrhPanel: {
    section: '§3.2',
    quote:
      'Whether or not a strategy discussion takes place, the case may be presented to the Extra-Familial Risk of Harm (EFRH) Panel; this will trigger police investigation of the individual(s) posing the risk where appropriate.',
  },
  channel: {
    section: '§3.2',
    quote: 'In the case of extremism or radicalisation the Social Worker should refer to the Channel Panel working under the Prevent Pathway.',
  },
  panelMinutes: {
    section: '§3.2',
    quote:
      "Whichever route is followed, the relevant panel minutes will be recorded on the young person's file, and their plans will be updated accordingly.",
  },
  evaluate: {
    section: '§3.3',
    quote: 'The Social Worker will evaluate the risk assessment with their Team and Service Managers.',
  },
  legalAdvice: {
    section: '§3.3',
    quote:
      'If they believe the assessment warrants the use of surveillance and/or monitoring, they will consider taking legal advice, and record their reasons for doing so or not doing so.',
  },
  recordReasons: {
    section: '§3.4',
    quote: 'Where they decide that surveillance and/or monitoring is warranted, they will record the reasons for their decision on Mosaic.',
  },
  lessRestrictive: {
    section: '§3.4',
    quote: 'They will include evidence demonstrating why the risks cannot acceptably be reduced by less restrictive measures.',
  },
  discuss: {
    section: '§3.5',
    quote: 'They will discuss their proposal with the young person and with their family (where appropriate).',
  },
  advocate: {
    section: '§3.5',
    quote:
      'Where the young person does not have family who can support them in this discussion, their Social Worker should recommend to the young person that they have an advocate and arrange an advocate if the young person agrees.',
  },
  writtenAgreement: {
    section: '§3.6',
    quote:
      'The plan for surveillance and/or monitoring may only be implemented with the written agreement of the young person (if they are Gillick competent) or a person holding parental responsibility (but not the Corporate Parent).',
  },
  agreementOnRecord: {
    section: '§3.6',
    quote: "The agreement should be added to the young person's Mosaic record.",
  },
  timeLimited: {
    section: '§3.7',
    quote: 'Any such agreement should be time-limited, since the measures proposed will by definition be exceptional.',
  },
  actionPlan: {
    section: '§3.7',
    quote:
      'The agreement should include an action plan whereby surveillance and/or monitoring will be replaced by positive measures over the agreed period.',
  },
  review: {
    section: '§3.8',
    quote:
      'Any such agreement must be reviewed with the young person, their family, and all relevant parties after one month, and therefore not less than every three months.',
  },
} satisfies Record<string, Citation>;
