/** The settings the rules, the guard and the tracker read, with the defaults of rules.md. */

export type Role = 'socialWorker' | 'manager' | 'teamLead';

export interface Settings {
  role: Role;
  /** Reviews due within this many days (today included) are "due soon". */
  dueSoonDays: number;
  /** Agreements longer than this many calendar months are exceptional. */
  maxAgreementMonths: number;
  /** A daily reminder of reviews overdue and due soon. */
  reminders: boolean;
  /** The hour (0–23, on this computer's clock) after which the daily reminder may show. */
  reminderHour: number;
  /** Entries that ended more than this many days ago are deleted. */
  retentionDays: number;
  /** The address of a person's record in Mosaic, with {id} for the person ID; empty for no links. */
  recordAddress: string;
  /** The council's Mosaic addresses (origins, like https://mosaic.example.gov.uk) the guard runs on. */
  mosaicAddresses: string[];
  /**
   * Whether the guard offers to fit a form in the page (the "Fit this form" button), so that the
   * person who looks after the council's Mosaic forms can match a form worded the council's own way.
   */
  allowFitting: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  role: 'socialWorker',
  dueSoonDays: 14,
  maxAgreementMonths: 6,
  reminders: true,
  reminderHour: 9,
  retentionDays: 90,
  recordAddress: '',
  mosaicAddresses: [],
  allowFitting: true,
};

/** The whole-number settings and the ranges they may take (the options page, the policy schema and the reading of stored values all use these). */
export const WHOLE_NUMBER_RANGES = {
  dueSoonDays: { minimum: 0, maximum: 90 },
  maxAgreementMonths: { minimum: 1, maximum: 24 },
  reminderHour: { minimum: 0, maximum: 23 },
  retentionDays: { minimum: 7, maximum: 3650 },
} as const satisfies Partial<Record<keyof Settings, { minimum: number; maximum: number }>>;

export const ROLES: readonly Role[] = ['socialWorker', 'manager', 'teamLead'];

/** Every setting's name, in the order the options page shows them. */
export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;

/** The key under which settings are kept in the extension's storage. */
export const SETTINGS_KEY = 'settings';

/** A record address a link may use: https, with {id} where the person ID goes. */
export function isRecordAddress(value: string): boolean {
  if (!value.includes('{id}')) return false;
  try {
    return new URL(value.replace('{id}', '1')).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A Mosaic address as the guard keeps it: the origin of an https address ("https://mosaic.example.gov.uk"),
 * or null when the text is not one.
 */
export function mosaicOrigin(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The match pattern that covers every page of a Mosaic address. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** Settings as stored (possibly old, partial or damaged) made whole: anything unusable is the default. */
export function completeSettings(stored: unknown): Settings {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const whole = (key: keyof typeof WHOLE_NUMBER_RANGES) => {
    const number = value[key];
    const { minimum, maximum } = WHOLE_NUMBER_RANGES[key];
    return typeof number === 'number' && Number.isInteger(number) && number >= minimum && number <= maximum ? number : DEFAULT_SETTINGS[key];
  };
  const role = ROLES.includes(value.role as Role) ? (value.role as Role) : DEFAULT_SETTINGS.role;
  return {
    role,
    dueSoonDays: whole('dueSoonDays'),
    maxAgreementMonths: whole('maxAgreementMonths'),
    reminders: typeof value.reminders === 'boolean' ? value.reminders : DEFAULT_SETTINGS.reminders,
    reminderHour: whole('reminderHour'),
    retentionDays: whole('retentionDays'),
    recordAddress: typeof value.recordAddress === 'string' && isRecordAddress(value.recordAddress) ? value.recordAddress : '',
    mosaicAddresses: Array.isArray(value.mosaicAddresses)
      ? [...new Set(value.mosaicAddresses.map((item) => (typeof item === 'string' ? mosaicOrigin(item) : null)).filter((item): item is string => item !== null))]
      : [],
    allowFitting: typeof value.allowFitting === 'boolean' ? value.allowFitting : DEFAULT_SETTINGS.allowFitting,
  };
}

export interface EffectiveSettings {
  settings: Settings;
  /** The settings the organisation set by policy: they win, and the user cannot change them. */
  managed: Set<keyof Settings>;
}

/**
 * The user's settings with the organisation's policy over them (chrome.storage.managed): a value
 * set by policy wins, whatever the user chose.
 */
export function mergeSettings(local: unknown, managed: unknown): EffectiveSettings {
  const user = completeSettings(local);
  const policy = (managed && typeof managed === 'object' ? managed : {}) as Record<string, unknown>;
  const fromPolicy = completeSettings(policy);
  const locked = new Set<keyof Settings>();
  const settings = { ...user } as Record<keyof Settings, unknown>;
  for (const name of SETTING_NAMES) {
    // Only what the policy really sets, and sets to a usable value, wins.
    if (policy[name] === undefined) continue;
    const usable = JSON.stringify(fromPolicy[name]) !== JSON.stringify(DEFAULT_SETTINGS[name]) || JSON.stringify(policy[name]) === JSON.stringify(DEFAULT_SETTINGS[name]);
    if (!usable) continue;
    settings[name] = fromPolicy[name];
    locked.add(name);
  }
  return { settings: settings as unknown as Settings, managed: locked };
}

/** The link to a person's record, or null when no record address is set. */
export function recordLink(settings: Settings, personId: string): string | null {
  return settings.recordAddress ? settings.recordAddress.replace('{id}', encodeURIComponent(personId)) : null;
}
