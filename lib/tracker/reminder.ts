/** The daily reminder and the toolbar badge: pure decisions, so that they can be tested without a browser. */
import type { IsoDate } from '../dates';

export interface Attention {
  overdue: number;
  dueSoon: number;
}

/** "2 reviews overdue, 3 due soon" */
export function attentionText({ overdue, dueSoon }: Attention): string {
  const parts = [];
  if (overdue > 0) parts.push(`${overdue} ${overdue === 1 ? 'review' : 'reviews'} overdue`);
  if (dueSoon > 0) parts.push(`${dueSoon}${overdue > 0 ? '' : dueSoon === 1 ? ' review' : ' reviews'} due soon`);
  return parts.join(', ') || 'No reviews overdue or due soon';
}

export function badgeText({ overdue, dueSoon }: Attention): string {
  const count = overdue + dueSoon;
  return count === 0 ? '' : count > 999 ? '999+' : String(count);
}

/**
 * Whether to show the reminder now: switched on, something to say, not shown yet today, and the
 * reminder hour reached on this computer's clock.
 */
export function reminderDue(options: {
  enabled: boolean;
  attention: Attention;
  today: IsoDate;
  lastShown: IsoDate | null;
  hourNow: number;
  reminderHour: number;
}): boolean {
  const { enabled, attention, today, lastShown, hourNow, reminderHour } = options;
  return enabled && attention.overdue + attention.dueSoon > 0 && lastShown !== today && hourNow >= reminderHour;
}
