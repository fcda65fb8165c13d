import { parseDateParts, type IsoDate } from '../../lib/dates';
import { ErrorMessage } from '../shared/ErrorSummary';

/** What was typed in the three boxes of a GOV.UK date input. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export type DateCheck = { iso: IsoDate | null; error: string | null };

/**
 * Reads a date input the GOV.UK way: nothing typed is no answer (an error only when required),
 * a box left empty "must include a month", anything else not a real date "must be a real date".
 */
export function checkDate(parts: DateParts, name: string, whenEmpty: string | null): DateCheck {
  const answer = parseDateParts(parts.day, parts.month, parts.year);
  if (answer.state === 'valid') return { iso: answer.iso, error: null };
  if (answer.state === 'empty') return { iso: null, error: whenEmpty };
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part].trim() === '');
  if (missing.length > 0) return { iso: null, error: `${name} must include a ${missing.join(' and ')}` };
  return { iso: null, error: `${name} must be a real date` };
}

export interface DateInputProps {
  /** The id of the first box (the day) is `${id}-day`: error summaries link there. */
  id: string;
  legend: string;
  hint?: string;
  value: DateParts;
  error?: string | null;
  /** One box changed: the parent merges it into what it holds (several may change before it renders again). */
  onChange: (part: keyof DateParts, text: string) => void;
}

export function dateFieldId(id: string): string {
  return `${id}-day`;
}

/** Day, month and year boxes in a fieldset, as the GOV.UK Design System's date input. */
export function DateInput({ id, legend, hint = 'For example, 4 12 2026', value, error = null, onChange }: DateInputProps) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const box = (part: keyof DateParts, label: string, width: string) => (
    <div class="date-input-item">
      <label class="label label--small" for={`${id}-${part}`}>
        {label}
      </label>
      <input
        class={`input input--${width}${error ? ' input--error' : ''}`}
        id={`${id}-${part}`}
        name={`${id}-${part}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value[part]}
        onInput={(event) => onChange(part, event.currentTarget.value)}
      />
    </div>
  );
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset class="fieldset" role="group" aria-describedby={describedBy}>
        <legend class="fieldset-legend">{legend}</legend>
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
        <ErrorMessage id={`${id}-error`} text={error} />
        <div class="date-input">
          {box('day', 'Day', 'day')}
          {box('month', 'Month', 'month')}
          {box('year', 'Year', 'year')}
        </div>
      </fieldset>
    </div>
  );
}
