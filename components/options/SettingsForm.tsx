import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { isRecordAddress, ROLES, WHOLE_NUMBER_RANGES, type Role, type Settings } from '../../lib/settings';
import { ErrorMessage, ErrorSummary, type FieldError } from '../shared/ErrorSummary';
import { describedBy, ManagedTag } from './ManagedTag';
import { NoticeBox, noticeMaker, reasonOf, type Notice } from '../Notice';

/** The settings of "Your role" and "Reviews", saved together by "Save settings". */
export type FormSetting =
  | 'role'
  | 'dueSoonDays'
  | 'maxAgreementMonths'
  | 'retentionDays'
  | 'reminders'
  | 'reminderHour'
  | 'recordAddress'
  | 'allowFitting';

/** What the form holds: numbers as typed, so that a wrong answer can be shown back as it was. */
export interface SettingsDraft {
  role: Role;
  dueSoonDays: string;
  maxAgreementMonths: string;
  retentionDays: string;
  reminders: boolean;
  reminderHour: string;
  recordAddress: string;
  allowFitting: boolean;
}

export const ROLE_LABEL: Record<Role, string> = {
  socialWorker: 'Social worker',
  manager: 'Manager',
  teamLead: 'Team lead',
};

/** The id of each setting's control: error summaries link there. */
export const FIELD_ID: Record<FormSetting, string> = {
  role: 'role-socialWorker',
  dueSoonDays: 'due-soon-days',
  maxAgreementMonths: 'max-agreement-months',
  retentionDays: 'retention-days',
  reminders: 'reminders',
  reminderHour: 'reminder-hour',
  recordAddress: 'record-address',
  allowFitting: 'allow-fitting',
};

/** The whole numbers: their range (the settings' own, WHOLE_NUMBER_RANGES) and the words of their messages. */
const range = (name: keyof typeof WHOLE_NUMBER_RANGES) => ({ min: WHOLE_NUMBER_RANGES[name].minimum, max: WHOLE_NUMBER_RANGES[name].maximum });
const WHOLE: Record<'dueSoonDays' | 'maxAgreementMonths' | 'retentionDays', { min: number; max: number; empty: string; invalid: string }> = {
  dueSoonDays: {
    ...range('dueSoonDays'),
    empty: 'Enter the due-soon window in days',
    invalid: `The due-soon window must be a whole number from ${WHOLE_NUMBER_RANGES.dueSoonDays.minimum} to ${WHOLE_NUMBER_RANGES.dueSoonDays.maximum}`,
  },
  maxAgreementMonths: {
    ...range('maxAgreementMonths'),
    empty: 'Enter the longest agreement in calendar months',
    invalid: `The longest agreement must be a whole number of months from ${WHOLE_NUMBER_RANGES.maxAgreementMonths.minimum} to ${WHOLE_NUMBER_RANGES.maxAgreementMonths.maximum}`,
  },
  retentionDays: {
    ...range('retentionDays'),
    empty: 'Enter how many days to keep ended agreements',
    invalid: `The number of days to keep ended agreements must be a whole number from ${WHOLE_NUMBER_RANGES.retentionDays.minimum} to ${WHOLE_NUMBER_RANGES.retentionDays.maximum}`,
  },
};

export const RECORD_ADDRESS_ERROR =
  "Enter the address of a person's record with {id} where the person ID goes, like https://mosaic.example.gov.uk/person/{id}";

const ORDER: readonly FormSetting[] = [
  'role',
  'dueSoonDays',
  'maxAgreementMonths',
  'retentionDays',
  'reminders',
  'reminderHour',
  'recordAddress',
  'allowFitting',
];

export function draftOf(settings: Settings): SettingsDraft {
  return {
    role: settings.role,
    dueSoonDays: String(settings.dueSoonDays),
    maxAgreementMonths: String(settings.maxAgreementMonths),
    retentionDays: String(settings.retentionDays),
    reminders: settings.reminders,
    reminderHour: String(settings.reminderHour),
    recordAddress: settings.recordAddress,
    allowFitting: settings.allowFitting,
  };
}

/**
 * Checks the form, in its order. A setting the organisation set is neither checked nor saved.
 * The changes are the settings whose value differs from the one in force.
 */
export function validateSettings(
  draft: SettingsDraft,
  current: Settings,
  managed: ReadonlySet<keyof Settings>,
): { changes: Partial<Settings>; errors: null } | { changes: null; errors: Partial<Record<FormSetting, string>> } {
  const errors: Partial<Record<FormSetting, string>> = {};
  const values: Partial<Settings> = {};
  for (const name of ORDER) {
    if (managed.has(name)) continue;
    switch (name) {
      case 'role':
        values.role = draft.role;
        break;
      case 'dueSoonDays':
      case 'maxAgreementMonths':
      case 'retentionDays': {
        const rule = WHOLE[name];
        const typed = draft[name].trim();
        const number = Number(typed);
        if (typed === '') errors[name] = rule.empty;
        else if (!/^\d+$/.test(typed) || number < rule.min || number > rule.max) errors[name] = rule.invalid;
        else values[name] = number;
        break;
      }
      case 'reminders':
        values.reminders = draft.reminders;
        break;
      case 'reminderHour': {
        const hour = Number(draft.reminderHour);
        if (Number.isInteger(hour) && hour >= 0 && hour <= 23) values.reminderHour = hour;
        else errors.reminderHour = 'Select the time of the daily reminder';
        break;
      }
      case 'recordAddress': {
        const address = draft.recordAddress.trim();
        if (address !== '' && !isRecordAddress(address)) errors.recordAddress = RECORD_ADDRESS_ERROR;
        else values.recordAddress = address;
        break;
      }
      case 'allowFitting':
        values.allowFitting = draft.allowFitting;
        break;
    }
  }
  if (Object.keys(errors).length > 0) return { changes: null, errors };
  const changes: Partial<Settings> = {};
  for (const [name, value] of Object.entries(values) as Array<[keyof Settings, Settings[keyof Settings]]>) {
    if (value !== current[name]) (changes as Record<string, unknown>)[name] = value;
  }
  return { changes, errors: null };
}

const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export interface SettingsFormProps {
  settings: Settings;
  managed: ReadonlySet<keyof Settings>;
  /** Saves the changes (only the settings that changed, none the organisation set); rejects on failure. */
  onSave: (changes: Partial<Settings>) => Promise<unknown>;
}

/** "Your role" and "Reviews": one form, checked as a whole, saved by "Save settings". */
export function SettingsForm({ settings, managed, onSave }: SettingsFormProps) {
  // Only what the user changed is held here; everything else follows the settings in force, so a
  // policy that changes while the page is open shows at once.
  const [edits, setEditsState] = useState<Partial<SettingsDraft>>({});
  const latest = useRef(edits);
  const setEdits = (next: Partial<SettingsDraft>) => {
    latest.current = next;
    setEditsState(next);
  };
  const [errors, setErrors] = useState<Partial<Record<FormSetting, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const makeNotice = useRef(noticeMaker()).current;
  const busy = useRef(false);

  const inForce = draftOf(settings);
  const value = <K extends FormSetting>(name: K): SettingsDraft[K] =>
    managed.has(name) ? inForce[name] : ((latest.current[name] ?? inForce[name]) as SettingsDraft[K]);
  /** The form as it stands, up to the last keystroke, even before it has rendered it. */
  const current = () => Object.fromEntries(ORDER.map((name) => [name, value(name)])) as unknown as SettingsDraft;
  const draft = current();
  const set = (change: Partial<SettingsDraft>) => setEdits({ ...latest.current, ...change });
  const everyManaged = ORDER.every((name) => managed.has(name));

  const summary: FieldError[] = ORDER.filter((name) => errors[name]).map((name) => ({ fieldId: FIELD_ID[name], text: errors[name]! }));

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy.current) return;
    const result = validateSettings(current(), settings, managed);
    setErrors(result.errors ?? {});
    if (result.errors) {
      setNotice(null);
      setAttempt((count) => count + 1);
      return;
    }
    busy.current = true;
    try {
      if (Object.keys(result.changes).length > 0) await onSave(result.changes);
      setEdits({});
      setNotice(makeNotice('success', 'Your settings have been saved'));
    } catch (error) {
      setNotice(makeNotice('error', `Your settings could not be saved: ${reasonOf(error)}. Try again.`));
    } finally {
      busy.current = false;
    }
  };

  /** A text box for a whole number, or the record address. */
  const textField = (
    name: 'dueSoonDays' | 'maxAgreementMonths' | 'retentionDays' | 'recordAddress',
    label: string,
    hint: ComponentChildren,
    width: 'number' | 'address',
  ) => {
    const id = FIELD_ID[name];
    const locked = managed.has(name);
    const error = errors[name];
    return (
      <div class={`form-group${error ? ' form-group--error' : ''}`} data-setting={name}>
        <label class="label" for={id}>
          {label}
        </label>
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
        {locked && <ManagedTag id={`${id}-managed`} />}
        <ErrorMessage id={`${id}-error`} text={error} />
        <input
          class={`input input--${width}${error ? ' input--error' : ''}`}
          id={id}
          name={name}
          type="text"
          inputMode={width === 'number' ? 'numeric' : 'url'}
          autoComplete="off"
          spellcheck={false}
          disabled={locked}
          aria-describedby={describedBy(`${id}-hint`, locked && `${id}-managed`, error && `${id}-error`)}
          value={draft[name]}
          onInput={(event) => set({ [name]: event.currentTarget.value })}
        />
      </div>
    );
  };

  const roleLocked = managed.has('role');
  const remindersLocked = managed.has('reminders');
  const hourLocked = managed.has('reminderHour');
  const fittingLocked = managed.has('allowFitting');

  return (
    <form class="settings-form" noValidate onSubmit={save}>
      {summary.length > 0 && <ErrorSummary errors={summary} level={2} focusToken={attempt} />}
      <NoticeBox notice={notice} />

      <section class="section" aria-labelledby="role-title" data-setting="role">
        <div class="form-group">
          <fieldset class="fieldset" aria-describedby={describedBy('role-hint', roleLocked && 'role-managed')}>
            <legend class="fieldset-legend fieldset-legend--heading">
              <h2 id="role-title">Your role</h2>
            </legend>
            <p class="hint" id="role-hint">
              Managers see a sign-off checklist on each form.
            </p>
            {roleLocked && <ManagedTag id="role-managed" />}
            <div class="radios">
              {ROLES.map((role) => (
                <div class="radio" key={role}>
                  <input
                    type="radio"
                    id={`role-${role}`}
                    name="role"
                    value={role}
                    disabled={roleLocked}
                    checked={draft.role === role}
                    onChange={() => set({ role })}
                  />
                  <label for={`role-${role}`}>{ROLE_LABEL[role]}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      </section>

      <section class="section" aria-labelledby="reviews-title">
        <h2 id="reviews-title">Reviews</h2>
        {textField('dueSoonDays', 'Due-soon window in days', 'Reviews due today or within this many days are shown as due soon. From 0 to 90.', 'number')}
        {textField(
          'maxAgreementMonths',
          'Longest agreement in calendar months',
          'Agreements longer than this are reported as exceptional. From 1 to 24.',
          'number',
        )}
        {textField('retentionDays', 'Keep ended agreements for this many days', 'Tracked agreements that ended more than this many days ago are deleted.', 'number')}

        <div class="form-group" data-setting="reminders">
          <fieldset class="fieldset" aria-describedby="reminders-hint">
            <legend class="fieldset-legend">Daily reminder</legend>
            <p class="hint" id="reminders-hint">
              A notification, once a day, of the reviews overdue and due soon.
            </p>
            {remindersLocked && <ManagedTag id="reminders-managed" />}
            <div class="checkbox">
              <input
                type="checkbox"
                id={FIELD_ID.reminders}
                name="reminders"
                disabled={remindersLocked}
                aria-describedby={describedBy(remindersLocked && 'reminders-managed')}
                checked={draft.reminders}
                onChange={(event) => set({ reminders: event.currentTarget.checked })}
              />
              <label for={FIELD_ID.reminders}>Show a daily reminder</label>
            </div>
          </fieldset>
        </div>

        <div class={`form-group${errors.reminderHour ? ' form-group--error' : ''}`} data-setting="reminderHour">
          <label class="label" for={FIELD_ID.reminderHour}>
            Time of the daily reminder
          </label>
          <p class="hint" id="reminder-hour-hint">
            The reminder shows after this time, on this computer's clock.
          </p>
          {hourLocked && <ManagedTag id="reminder-hour-managed" />}
          <ErrorMessage id="reminder-hour-error" text={errors.reminderHour} />
          <select
            class={`select${errors.reminderHour ? ' input--error' : ''}`}
            id={FIELD_ID.reminderHour}
            name="reminderHour"
            disabled={hourLocked}
            aria-describedby={describedBy('reminder-hour-hint', hourLocked && 'reminder-hour-managed', errors.reminderHour && 'reminder-hour-error')}
            value={draft.reminderHour}
            onChange={(event) => set({ reminderHour: event.currentTarget.value })}
          >
            {Array.from({ length: 24 }, (_, hour) => (
              <option key={hour} value={String(hour)}>
                {hourText(hour)}
              </option>
            ))}
          </select>
        </div>

        {textField(
          'recordAddress',
          "Address of a person's record (optional)",
          <>
            The address of a person's record in Mosaic, with {'{id}'} where the person ID goes, like https://mosaic.example.gov.uk/person/{'{id}'}. The
            review list then links each person ID to their record.
          </>,
          'address',
        )}

        <div class="form-group" data-setting="allowFitting">
          {fittingLocked && <ManagedTag id="allow-fitting-managed" />}
          <div class="checkbox">
            <input
              type="checkbox"
              id={FIELD_ID.allowFitting}
              name="allowFitting"
              disabled={fittingLocked}
              aria-describedby={describedBy('allow-fitting-hint', fittingLocked && 'allow-fitting-managed')}
              checked={draft.allowFitting}
              onChange={(event) => set({ allowFitting: event.currentTarget.checked })}
            />
            <label for={FIELD_ID.allowFitting}>Offer to fit forms in the page</label>
          </div>
          <p class="hint" id="allow-fitting-hint">
            Shows a 'Fit this form' button when the guard cannot find some of a form's questions, so that the person who looks after your council's
            Mosaic forms can match them. Your organisation may switch this off.
          </p>
        </div>

        {everyManaged ? (
          <p>Your organisation set all of these settings, so there is nothing to save here.</p>
        ) : (
          <button type="submit" class="button">
            Save settings
          </button>
        )}
      </section>
    </form>
  );
}
