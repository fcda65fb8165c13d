/** The settings the rules and the guard read, with the defaults of rules.md. */

export type Role = 'socialWorker' | 'manager' | 'teamLead';

export interface Settings {
  role: Role;
  /** Reviews due within this many days (today included) are "due soon". */
  dueSoonDays: number;
  /** Agreements longer than this many calendar months are exceptional. */
  maxAgreementMonths: number;
}

export const DEFAULT_SETTINGS: Settings = {
  role: 'socialWorker',
  dueSoonDays: 14,
  maxAgreementMonths: 6,
};

/** Settings as stored (possibly old, partial or damaged) made whole: anything unusable is the default. */
export function completeSettings(stored: unknown): Settings {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const whole = (key: 'dueSoonDays' | 'maxAgreementMonths', min: number, max: number) => {
    const number = value[key];
    return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max ? number : DEFAULT_SETTINGS[key];
  };
  const role = value.role === 'manager' || value.role === 'teamLead' || value.role === 'socialWorker' ? value.role : DEFAULT_SETTINGS.role;
  return { role, dueSoonDays: whole('dueSoonDays', 0, 90), maxAgreementMonths: whole('maxAgreementMonths', 1, 24) };
}
