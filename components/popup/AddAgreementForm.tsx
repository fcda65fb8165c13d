import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FREQUENCIES, PERSON_ID, type Frequency } from '../../lib/tracker/model';
import type { AgreementInput } from '../../lib/tracker/store';
import { checkDate, DateInput, dateFieldId, EMPTY_DATE, type DateParts } from './DateInput';
import { ErrorMessage, ErrorSummary, type FieldError } from '../shared/ErrorSummary';
import { FREQUENCY_LABEL } from './StatusTag';

export interface AgreementAnswers {
  personId: string;
  start: DateParts;
  end: DateParts;
  firstReview: DateParts;
  frequency: Frequency | null;
}

export type AgreementField = 'personId' | 'start' | 'end' | 'firstReview';

export const EMPTY_AGREEMENT: AgreementAnswers = { personId: '', start: EMPTY_DATE, end: EMPTY_DATE, firstReview: EMPTY_DATE, frequency: null };

/** Checks an agreement typed by hand, in the order of the form. */
export function validateAgreement(
  answers: AgreementAnswers,
): { input: AgreementInput; errors: null } | { input: null; errors: Partial<Record<AgreementField, string>> } {
  const errors: Partial<Record<AgreementField, string>> = {};
  const personId = answers.personId.trim();
  if (personId === '') errors.personId = 'Enter the person ID';
  else if (!/^\d+$/.test(personId)) errors.personId = 'Person ID must be a number, like 1234567';
  else if (!PERSON_ID.test(personId)) errors.personId = 'Person ID must be between 3 and 12 digits, like 1234567';

  const start = checkDate(answers.start, 'Agreement start date', 'Enter the agreement start date');
  if (start.error) errors.start = start.error;
  const end = checkDate(answers.end, 'Agreement end date', null);
  if (end.error) errors.end = end.error;
  else if (end.iso && start.iso && end.iso <= start.iso) errors.end = 'Agreement end date must be after the start date';
  const firstReview = checkDate(answers.firstReview, 'Date of first review', null);
  if (firstReview.error) errors.firstReview = firstReview.error;
  else if (firstReview.iso && start.iso && firstReview.iso < start.iso) errors.firstReview = 'Date of first review must be on or after the start date';

  if (Object.keys(errors).length > 0 || !start.iso) return { input: null, errors };
  return {
    input: { personId, startDate: start.iso, endDate: end.iso, firstReviewDate: firstReview.iso, frequency: answers.frequency },
    errors: null,
  };
}

export interface AddAgreementFormProps {
  onSave: (input: AgreementInput) => Promise<unknown>;
  onCancel: () => void;
}

const IDS: Record<AgreementField, string> = {
  personId: 'add-person-id',
  start: dateFieldId('add-start'),
  end: dateFieldId('add-end'),
  firstReview: dateFieldId('add-first-review'),
};

/** "Add an agreement by hand": for an agreement the extension has not seen in Mosaic. */
export function AddAgreementForm({ onSave, onCancel }: AddAgreementFormProps) {
  const [answers, setAnswersState] = useState<AgreementAnswers>(EMPTY_AGREEMENT);
  // What was typed, up to the last keystroke, even before the form has rendered it.
  const latest = useRef(answers);
  const setAnswers = (change: (current: AgreementAnswers) => AgreementAnswers) => {
    latest.current = change(latest.current);
    setAnswersState(latest.current);
  };
  const [errors, setErrors] = useState<Partial<Record<AgreementField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const personInput = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    personInput.current?.focus();
  }, []);

  const summary: FieldError[] = (['personId', 'start', 'end', 'firstReview'] as const)
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: IDS[field], text: errors[field]! }));
  const set = (change: Partial<AgreementAnswers>) => setAnswers((current) => ({ ...current, ...change }));
  const setDate = (field: 'start' | 'end' | 'firstReview') => (part: keyof DateParts, text: string) =>
    setAnswers((current) => ({ ...current, [field]: { ...current[field], [part]: text } }));

  return (
    <section class="panel" aria-labelledby="add-title">
      {summary.length > 0 && <ErrorSummary errors={summary} level={2} focusToken={attempt} />}
      <h2 id="add-title">Add an agreement by hand</h2>
      <p>
        For an agreement the tracker has not seen in Mosaic. If the person already has an agreement with the same start date, that entry is
        updated.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const result = validateAgreement(latest.current);
          setErrors(result.errors ?? {});
          if (result.errors) {
            setAttempt((count) => count + 1);
            return;
          }
          void onSave(result.input);
        }}
      >
        <div class={`form-group${errors.personId ? ' form-group--error' : ''}`}>
          <label class="label" for="add-person-id">
            Person ID
          </label>
          <p class="hint" id="add-person-id-hint">
            The Mosaic person ID, digits only, like 1234567
          </p>
          <ErrorMessage id="add-person-id-error" text={errors.personId} />
          <input
            ref={personInput}
            class={`input input--id${errors.personId ? ' input--error' : ''}`}
            id="add-person-id"
            name="personId"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            aria-describedby={errors.personId ? 'add-person-id-hint add-person-id-error' : 'add-person-id-hint'}
            value={answers.personId}
            onInput={(event) => set({ personId: event.currentTarget.value })}
          />
        </div>
        <DateInput id="add-start" legend="Agreement start date" value={answers.start} error={errors.start} onChange={setDate('start')} />
        <DateInput id="add-end" legend="Agreement end date (optional)" value={answers.end} error={errors.end} onChange={setDate('end')} />
        <DateInput
          id="add-first-review"
          legend="Date of first review (optional)"
          value={answers.firstReview}
          error={errors.firstReview}
          onChange={setDate('firstReview')}
        />
        <div class="form-group">
          <fieldset class="fieldset">
            <legend class="fieldset-legend">Review frequency</legend>
            <div class="radios">
              {[...FREQUENCIES, null].map((frequency) => {
                const id = `add-frequency-${frequency ?? 'none'}`;
                return (
                  <div class="radio" key={id}>
                    <input
                      type="radio"
                      id={id}
                      name="frequency"
                      value={frequency ?? ''}
                      checked={answers.frequency === frequency}
                      onChange={() => set({ frequency })}
                    />
                    <label for={id}>{frequency ? FREQUENCY_LABEL[frequency] : 'Not recorded'}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <div class="button-group">
          <button type="submit" class="button">
            Add agreement
          </button>
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
