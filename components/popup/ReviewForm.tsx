import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatDate, type IsoDate } from '../../lib/dates';
import { OUTCOMES, type Outcome } from '../../lib/tracker/model';
import type { ReviewInput } from '../../lib/tracker/store';
import { checkDate, DateInput, dateFieldId, EMPTY_DATE, type DateParts } from './DateInput';
import { ErrorSummary, type FieldError } from '../shared/ErrorSummary';
import { OUTCOME_LABEL } from './StatusTag';

export interface ReviewAnswers {
  held: DateParts;
  outcome: Outcome | null;
  next: DateParts;
}

type ReviewField = 'held' | 'next';

/** Checks a review as typed: the date it was held (required, not in the future, not before the agreement started) and the next review date (optional, after it). */
export function validateReview(
  answers: ReviewAnswers,
  agreement: { startDate: IsoDate },
  today: IsoDate,
): { review: ReviewInput; errors: null } | { review: null; errors: Partial<Record<ReviewField, string>> } {
  const errors: Partial<Record<ReviewField, string>> = {};
  const held = checkDate(answers.held, 'Date the review was held', 'Enter the date the review was held');
  if (held.error) errors.held = held.error;
  else if (held.iso && held.iso > today) errors.held = 'Date the review was held must be today or in the past';
  else if (held.iso && held.iso < agreement.startDate) {
    errors.held = `Date the review was held must be on or after the agreement start date, ${formatDate(agreement.startDate)}`;
  }
  const next = checkDate(answers.next, 'Date of next review', null);
  if (next.error) errors.next = next.error;
  else if (next.iso && held.iso && next.iso <= held.iso) errors.next = 'Date of next review must be after the date the review was held';
  if (Object.keys(errors).length > 0 || !held.iso) return { review: null, errors };
  return { review: { date: held.iso, outcome: answers.outcome, nextReviewDate: next.iso }, errors: null };
}

export interface ReviewFormProps {
  /** Prefix for the form's ids, unique in the popup. */
  id: string;
  personId: string;
  startDate: IsoDate;
  today: IsoDate;
  onSave: (review: ReviewInput) => Promise<unknown>;
  onCancel: () => void;
}

/** "Record a review", inline in an agreement's row. */
export function ReviewForm({ id, personId, startDate, today, onSave, onCancel }: ReviewFormProps) {
  const [answers, setAnswersState] = useState<ReviewAnswers>({ held: EMPTY_DATE, outcome: null, next: EMPTY_DATE });
  // What was typed, up to the last keystroke, even before the form has rendered it.
  const latest = useRef(answers);
  const setAnswers = (change: (current: ReviewAnswers) => ReviewAnswers) => {
    latest.current = change(latest.current);
    setAnswersState(latest.current);
  };
  const [errors, setErrors] = useState<Partial<Record<ReviewField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const heldId = `${id}-held`;
  const nextId = `${id}-next`;

  useLayoutEffect(() => {
    document.getElementById(dateFieldId(heldId))?.focus();
  }, [heldId]);

  const summary: FieldError[] = [];
  if (errors.held) summary.push({ fieldId: dateFieldId(heldId), text: errors.held });
  if (errors.next) summary.push({ fieldId: dateFieldId(nextId), text: errors.next });

  return (
    <form
      class="inline-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        const result = validateReview(latest.current, { startDate }, today);
        setErrors(result.errors ?? {});
        if (result.errors) {
          setAttempt((count) => count + 1);
          return;
        }
        void onSave(result.review);
      }}
    >
      {summary.length > 0 && <ErrorSummary errors={summary} level={4} focusToken={attempt} />}
      <h4 class="inline-form-title" id={`${id}-title`}>
        Record a review for person {personId}
      </h4>
      <DateInput
        id={heldId}
        legend="Date the review was held"
        value={answers.held}
        error={errors.held}
        onChange={(part, text) => setAnswers((current) => ({ ...current, held: { ...current.held, [part]: text } }))}
      />
      <div class="form-group">
        <fieldset class="fieldset">
          <legend class="fieldset-legend">Outcome (optional)</legend>
          <div class="radios">
            {OUTCOMES.map((outcome) => (
              <div class="radio" key={outcome}>
                <input
                  type="radio"
                  id={`${id}-outcome-${outcome}`}
                  name={`${id}-outcome`}
                  value={outcome}
                  checked={answers.outcome === outcome}
                  onChange={() => setAnswers((current) => ({ ...current, outcome }))}
                />
                <label for={`${id}-outcome-${outcome}`}>{OUTCOME_LABEL[outcome]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <DateInput
        id={nextId}
        legend="Date of next review (optional)"
        value={answers.next}
        error={errors.next}
        onChange={(part, text) => setAnswers((current) => ({ ...current, next: { ...current.next, [part]: text } }))}
      />
      <div class="button-group">
        <button type="submit" class="button">
          Save review
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
