/**
 * The team overview (overview.html): what a team lead must answer in supervision and before an
 * inspection, worked out from the tracker's entries. Pure functions of the entries, today's UK
 * date and the due-soon window; the page only draws what these give.
 *
 * - how many agreements are overdue, due soon, upcoming and ended (as the popup counts them);
 * - reviews held on time and late in each of the last 12 months: late when held after the
 *   review due date the tracker held before it;
 * - agreements past their end date with no review that ended monitoring;
 * - forms (agreements and reviews) saved, finished or viewed while they had errors, by rule.
 */
import { addMonths, type IsoDate } from '../dates';
import { endedFrom, statusToday } from './due';
import { csvCell } from './export';
import type { Status, TrackedAgreement } from './model';
import { agreementFacts, type AgreementFacts } from './summary';

export interface MonthReviews {
  /** YYYY-MM. */
  month: string;
  onTime: number;
  late: number;
}

export interface PastEnd {
  key: string;
  personId: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/** A form recorded while it had errors. */
export interface FormWithErrors {
  key: string;
  personId: string;
  form: 'agreement' | 'review';
  /** The agreement's start date, or the date of the review. */
  date: IsoDate;
  /** How many errors of this rule it had. */
  count: number;
}

export interface RuleErrors {
  rule: string;
  forms: FormWithErrors[];
}

export interface Overview {
  today: IsoDate;
  agreements: number;
  counts: Record<Status, number>;
  /** The last 12 months, oldest first, the current month last. */
  months: MonthReviews[];
  reviewsOnTime: number;
  reviewsLate: number;
  /** Soonest end date first. */
  pastEnd: PastEnd[];
  /** Agreements and reviews recorded while the form had errors. */
  finishedWithErrors: number;
  /** Rules by how many forms had them, most first. */
  byRule: RuleErrors[];
}

export const OVERVIEW_MONTHS = 12;

/** The last `count` months up to today's, oldest first, as YYYY-MM. */
export function lastMonths(today: IsoDate, count = OVERVIEW_MONTHS): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, index) => addMonths(first, index - count + 1).slice(0, 7));
}

export function overviewOf(agreements: readonly TrackedAgreement[], today: IsoDate, dueSoonDays: number): Overview {
  return overviewFromFacts(agreements.map(agreementFacts), today, dueSoonDays);
}

export function overviewFromFacts(facts: readonly AgreementFacts[], today: IsoDate, dueSoonDays: number): Overview {
  const counts: Record<Status, number> = { overdue: 0, 'due-soon': 0, upcoming: 0, ended: 0 };
  const months = lastMonths(today);
  const byMonth = new Map(months.map((month) => [month, { month, onTime: 0, late: 0 }]));
  const pastEnd: PastEnd[] = [];
  const byRule = new Map<string, FormWithErrors[]>();
  let finishedWithErrors = 0;
  const status = statusToday(today, dueSoonDays);
  for (const agreement of facts) {
    counts[status(agreement.due, endedFrom(agreement.endDate, agreement.last, today))]++;
    for (const review of agreement.reviews) {
      const month = byMonth.get(review.date.slice(0, 7));
      if (month) month[review.late ? 'late' : 'onTime']++;
    }
    // Past its end date, and the last review held did not end monitoring (as for the status and retention).
    if (agreement.endDate !== null && agreement.endDate < today && agreement.last?.outcome !== 'endMonitoring') {
      pastEnd.push({ key: agreement.key, personId: agreement.personId, startDate: agreement.startDate, endDate: agreement.endDate });
    }
    for (const form of agreement.errors) {
      finishedWithErrors++;
      for (const [rule, count] of Object.entries(form.rules)) {
        let forms = byRule.get(rule);
        if (!forms) byRule.set(rule, (forms = []));
        forms.push({ key: agreement.key, personId: agreement.personId, form: form.form, date: form.date, count });
      }
    }
  }
  const monthly = [...byMonth.values()];
  const rules = [...byRule]
    .map(([rule, forms]) => ({ rule, forms: forms.sort((a, b) => b.date.localeCompare(a.date) || a.personId.localeCompare(b.personId)) }))
    .sort((a, b) => b.forms.length - a.forms.length || a.rule.localeCompare(b.rule));
  return {
    today,
    agreements: facts.length,
    counts,
    months: monthly,
    reviewsOnTime: monthly.reduce((sum, month) => sum + month.onTime, 0),
    reviewsLate: monthly.reduce((sum, month) => sum + month.late, 0),
    pastEnd: pastEnd.sort((a, b) => a.endDate.localeCompare(b.endDate) || a.personId.localeCompare(b.personId)),
    finishedWithErrors,
    byRule: rules,
  };
}

/** What the figures leave out: agreements deleted by retention. */
export function retentionNote(retentionDays: number): string {
  return `Agreements are deleted ${retentionDays} days after a review ended monitoring (the retention period): their reviews and forms are no longer counted.`;
}

const STATUS_NAMES: Record<Status, string> = { overdue: 'Overdue', 'due-soon': 'Due soon', upcoming: 'Upcoming', ended: 'Ended' };

/**
 * The overview as a CSV file for a spreadsheet: its figures, the months, the agreements past
 * their end date and the forms finished with errors, each under its own heading, dates written
 * YYYY-MM-DD. `ruleSummary` gives a rule's line ("Enter the date of the first review").
 */
export function overviewCsv(overview: Overview, ruleSummary: (rule: string) => string, retentionDays?: number): string {
  const rows: Array<Array<string | number | null>> = [
    ['Monitoring Guard team overview', overview.today],
    ...(retentionDays === undefined ? [] : [[retentionNote(retentionDays)]]),
    [],
    ['Figure', 'Number'],
    ...(Object.keys(STATUS_NAMES) as Status[]).map((status) => [`Agreements ${STATUS_NAMES[status].toLowerCase()}`, overview.counts[status]]),
    [`Reviews held on time in the last ${OVERVIEW_MONTHS} months`, overview.reviewsOnTime],
    [`Reviews held late in the last ${OVERVIEW_MONTHS} months`, overview.reviewsLate],
    ['Agreements past their end date with no review that ended monitoring', overview.pastEnd.length],
    ['Forms with errors when saved, finished or viewed', overview.finishedWithErrors],
    [],
    ['Month', 'Reviews held on time', 'Reviews held late'],
    ...overview.months.map((month) => [month.month, month.onTime, month.late]),
    [],
    ['Agreements past their end date with no review that ended monitoring'],
    ['Person ID', 'Agreement start', 'End date'],
    ...overview.pastEnd.map((entry) => [entry.personId, entry.startDate, entry.endDate]),
    [],
    ['Forms with errors when saved, finished or viewed, by rule'],
    ['Rule', 'What the rule checks', 'Person ID', 'Form', 'Agreement start or review date', 'Errors'],
    ...overview.byRule.flatMap(({ rule, forms }) => forms.map((form) => [rule, ruleSummary(rule), form.personId, form.form, form.date, form.count])),
  ];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
