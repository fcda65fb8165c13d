import type { Frequency, Outcome, Status } from '../../lib/tracker/model';

/** The groups of the popup, in the order they are shown. */
export const STATUS_ORDER: readonly Status[] = ['overdue', 'due-soon', 'upcoming', 'ended'];

export const STATUS_LABEL: Record<Status, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  upcoming: 'Upcoming',
  ended: 'Ended',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  continue: 'Continue',
  continueWithChanges: 'Continue with changes',
  endMonitoring: 'End monitoring',
};

export const FREQUENCY_LABEL: Record<Frequency, string> = {
  monthly: 'Monthly',
  twoMonthly: 'Every 2 months',
  threeMonthly: 'Every 3 months',
};

/** A GOV.UK tag: the status in words, coloured; never colour alone. */
export function statusTag(status: Status) {
  return <strong class={`tag tag--${status}`}>{STATUS_LABEL[status]}</strong>;
}

/** "1 agreement", "3 agreements". */
export function agreements(count: number): string {
  return `${count} ${count === 1 ? 'agreement' : 'agreements'}`;
}
