import { useEffect, useRef } from 'preact/hooks';
import type { FitAnswerState, FitOption, FitViewState } from '../lib/guard/fit-session';
import { fitTargetId } from '../lib/fit/fitting';
import { ErrorSummary } from './shared/ErrorSummary';

export interface FitViewProps {
  state: FitViewState;
  onTitle: (title: string) => void;
  onQuestion: (field: string, id: string) => void;
  onAnswer: (key: string, index: string) => void;
  onColumn: (key: string, index: string) => void;
  /**
   * A question's controls took the focus, or the pointer: its page control is highlighted (and,
   * on focus, scrolled into view).
   */
  onFocusQuestion: (field: string | null, scroll: boolean) => void;
  /** Choose a question's page control by clicking it; null stops. */
  onPick: (field: string | null) => void;
  onSave: () => void;
  onExport: () => void;
  onCancel: () => void;
}

/** One of the procedure's answers (or columns), with the page's answer (or column) that means it. */
function Choice({ item, hook, options, none, onChoose }: {
  item: FitAnswerState;
  hook: 'data-fit-answer' | 'data-fit-column';
  options: FitOption[];
  none: string;
  onChoose: (key: string, index: string) => void;
}) {
  return (
    <div class={`mg-fit-answer${item.error ? ' mg-form-group--error' : ''}`} {...{ [hook]: item.key }}>
      <label class="mg-label mg-label--small" for={item.id}>
        {item.label}
      </label>
      {item.error && (
        <p class="mg-error-message" id={`${item.id}-error`}>
          <span class="mg-visually-hidden">Error:</span> {item.error}
        </p>
      )}
      <select class="mg-select" id={item.id} aria-describedby={item.error ? `${item.id}-error` : undefined} onChange={(event) => onChoose(item.key, event.currentTarget.value)}>
        <option value="" selected={item.chosen === ''}>
          {none}
        </option>
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === item.chosen}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The fitting view (contract.md, "Fitting a council's form"): each question of the procedure's
 * form with the page question that asks it, and for a choice each answer with the page's answer
 * that means it; a live preview of what the guard would find; Save and Export.
 */
export function FitView({ state, onTitle, onQuestion, onAnswer, onColumn, onFocusQuestion, onPick, onSave, onExport, onCancel }: FitViewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const pickingQuestion = state.questions.find((question) => question.field === state.picking);
  return (
    <section class="mg-panel mg-fit" aria-labelledby="mg-fit-heading" data-fit-form={state.kind}>
      <div class="mg-panel-head">
        <h2 id="mg-fit-heading" tabIndex={-1} ref={heading}>
          Fit this form: {state.formName}
        </h2>
      </div>
      {state.problems && state.problems.length > 0 && (
        <ErrorSummary errors={state.problems.map((problem) => ({ fieldId: problem.target, text: problem.text }))} level={3} focusToken={state.attempt} />
      )}
      {state.notice && (
        <p class={`mg-tracking${state.notice.failed ? ' mg-tracking--failed' : ''}`} role={state.notice.failed ? 'alert' : 'status'} data-fit-notice>
          {state.notice.text}
        </p>
      )}
      <p>
        For each question of the procedure's {state.formName}, choose the question on this page that asks it. The guard has chosen its best guess:
        check each one. Choose 'Not on this form' for a question your form does not ask.
      </p>
      <p class="mg-fit-summary" role="status" data-fit-preview>
        {state.summary}
      </p>
      {state.notOnForm > 0 && (
        <p class="mg-hint" data-fit-not-on-form={state.notOnForm}>
          {state.notOnForm === 1 ? "1 question is set to 'Not on this form'" : `${state.notOnForm} questions are set to 'Not on this form'`}: the guard
          found no question like it on the page. Check each one, and choose its question where your form asks it.
        </p>
      )}
      {state.empty && (
        <p class="mg-fit-empty">This page shows no boxes to fit. Open the form to edit it (not with View), then fit it.</p>
      )}
      {pickingQuestion && (
        <div class="mg-fit-picking" role="status" data-fit-picking={pickingQuestion.field}>
          <p>
            Click the question on the page that asks '{pickingQuestion.label}'. Press Escape to stop.
          </p>
          <button type="button" class="mg-button mg-button--secondary" onClick={() => onPick(null)}>
            Stop choosing on the page
          </button>
        </div>
      )}
      <div class={`mg-form-group${state.titleError ? ' mg-form-group--error' : ''}`}>
        <label class="mg-label" for={fitTargetId.title}>
          The form's title, as the page shows it
        </label>
        <p class="mg-hint" id={`${fitTargetId.title}-hint`}>The guard recognises the form by its title.</p>
        {state.titleError && (
          <p class="mg-error-message" id={`${fitTargetId.title}-error`}>
            <span class="mg-visually-hidden">Error:</span> {state.titleError}
          </p>
        )}
        <input
          class="mg-input"
          id={fitTargetId.title}
          type="text"
          value={state.title}
          aria-describedby={`${fitTargetId.title}-hint${state.titleError ? ` ${fitTargetId.title}-error` : ''}`}
          onChange={(event) => onTitle(event.currentTarget.value)}
        />
      </div>
      <ol class="mg-fit-questions">
        {state.questions.map((question) => (
          <li
            key={question.field}
            class={`mg-fit-question${question.error ? ' mg-form-group--error' : ''}`}
            data-fit-question={question.field}
            data-fit-found={String(question.found)}
            onFocusIn={() => onFocusQuestion(question.field, true)}
            onMouseEnter={() => onFocusQuestion(question.field, false)}
          >
            <label class="mg-label" for={question.id}>
              {question.label}
            </label>
            <p class="mg-hint" id={`${question.id}-hint`}>
              {question.takes} {question.preview}
            </p>
            {question.error && (
              <p class="mg-error-message" id={`${question.id}-error`}>
                <span class="mg-visually-hidden">Error:</span> {question.error}
              </p>
            )}
            <select
              class="mg-select"
              id={question.id}
              aria-describedby={`${question.id}-hint${question.error ? ` ${question.id}-error` : ''}`}
              onChange={(event) => onQuestion(question.field, event.currentTarget.value)}
            >
              <option value="" selected={question.chosen === ''}>
                Not on this form
              </option>
              {state.pageOptions.map((option) => (
                <option key={option.value} value={option.value} selected={option.value === question.chosen}>
                  {option.label}
                </option>
              ))}
            </select>
            <button type="button" class="mg-link mg-fit-pick" onClick={() => onPick(question.field)}>
              Choose it on the page<span class="mg-visually-hidden">: {question.label}</span>
            </button>
            {question.answers.length > 0 && (
              <fieldset class="mg-fit-answers">
                <legend>Which of the page's answers means each answer of '{question.label}'?</legend>
                {question.answers.map((answer) => (
                  <Choice key={answer.key} item={answer} hook="data-fit-answer" options={question.answerOptions} none="Not among the page's answers" onChoose={onAnswer} />
                ))}
              </fieldset>
            )}
            {question.columns.length > 0 && (
              <fieldset class="mg-fit-answers">
                <legend>Which of the page's columns holds each column of '{question.label}'?</legend>
                {question.columns.map((column) => (
                  <Choice key={column.key} item={column} hook="data-fit-column" options={question.columnOptions} none="Not among the page's columns" onChoose={onColumn} />
                ))}
              </fieldset>
            )}
          </li>
        ))}
      </ol>
      <div class="mg-fit-actions">
        <button type="button" class="mg-button" data-action="fit-save" onClick={onSave}>
          Save and use this fitting
        </button>
        <button type="button" class="mg-button mg-button--secondary" data-action="fit-export" onClick={onExport}>
          Export for your IT team
        </button>
        <button type="button" class="mg-link" data-action="fit-cancel" onClick={onCancel}>
          Cancel fitting
        </button>
      </div>
      <p class="mg-hint">Save keeps the fitting on this computer only. Export downloads it, so that your IT team can set it for everyone.</p>
    </section>
  );
}
