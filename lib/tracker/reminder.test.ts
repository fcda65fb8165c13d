import { describe, expect, it } from 'vitest';
import { attentionText, badgeText, reminderDue } from './reminder';

describe('badge and reminder', () => {
  it('counts reviews overdue and due soon on the badge', () => {
    expect(badgeText({ overdue: 0, dueSoon: 0 })).toBe('');
    expect(badgeText({ overdue: 2, dueSoon: 3 })).toBe('5');
    expect(badgeText({ overdue: 1200, dueSoon: 0 })).toBe('999+');
  });

  it('says how many in words', () => {
    expect(attentionText({ overdue: 2, dueSoon: 3 })).toBe('2 reviews overdue, 3 due soon');
    expect(attentionText({ overdue: 1, dueSoon: 0 })).toBe('1 review overdue');
    expect(attentionText({ overdue: 0, dueSoon: 1 })).toBe('1 review due soon');
    expect(attentionText({ overdue: 0, dueSoon: 0 })).toBe('No reviews overdue or due soon');
  });

  const base = { enabled: true, attention: { overdue: 1, dueSoon: 0 }, today: '2026-11-25', lastShown: '2026-11-24', hourNow: 10, reminderHour: 9 };
  it('reminds at most once a day, after its hour, when there is something to say and it is switched on', () => {
    expect(reminderDue(base)).toBe(true);
    expect(reminderDue({ ...base, lastShown: '2026-11-25' })).toBe(false);
    expect(reminderDue({ ...base, hourNow: 8 })).toBe(false);
    expect(reminderDue({ ...base, attention: { overdue: 0, dueSoon: 0 } })).toBe(false);
    expect(reminderDue({ ...base, enabled: false })).toBe(false);
  });
});
