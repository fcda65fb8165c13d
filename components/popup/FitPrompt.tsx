import { useEffect, useState } from 'preact/hooks';
import type { FormKind } from '../../lib/forms/profile';
import type { FitTarget } from '../../lib/platform/fit-target';
import { ErrorMessage, ErrorSummary } from '../shared/ErrorSummary';

const FORMS: Array<{ kind: FormKind; label: string }> = [
  { kind: 'decision', label: 'Decision record' },
  { kind: 'agreement', label: 'Written agreement' },
  { kind: 'review', label: 'Agreement review' },
];

export interface FitPromptProps {
  /** The frame of the active tab where a form can be fitted, or null (then nothing is shown). */
  findTarget: () => Promise<FitTarget | null>;
  /** Opens the fitting view there; false when it could not. */
  start: (target: FitTarget, kind: FormKind) => Promise<boolean>;
  /** Called once the fitting view is open in the page (the popup closes). */
  onStarted: () => void;
}

const FIELD = 'fit-kind';

/**
 * "Fit a form on this page": on a Mosaic page where the guard recognised no form, the person
 * says which of the three forms it is, and the fitting view opens in the page.
 */
export function FitPrompt({ findTarget, start, onStarted }: FitPromptProps) {
  const [target, setTarget] = useState<FitTarget | null>(null);
  const [kind, setKind] = useState<FormKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The page did not open the fitting: not the radios' fault, so not shown by them. */
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void findTarget().then((found) => live && setTarget(found));
    return () => {
      live = false;
    };
  }, [findTarget]);
  if (!target) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    if (!kind) {
      setError('Select which form this page shows');
      return;
    }
    setError(null);
    setFailure(null);
    if (await start(target, kind)) onStarted();
    else setFailure('The form could not be opened for fitting: reload the page in Mosaic and try again');
  };

  return (
    <section class="section" aria-labelledby="fit-title" data-fit-prompt>
      <h2 id="fit-title">Fit a form on this page</h2>
      <p>The guard did not recognise a form on this page. If it is one of the internet-monitoring forms, worded your council's way, you can fit it.</p>
      {(error || failure) && (
        <ErrorSummary errors={[error ? { fieldId: `${FIELD}-decision`, text: error } : { fieldId: null, text: failure! }]} level={3} focusToken={attempt} />
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div class={`form-group${error ? ' form-group--error' : ''}`}>
          <fieldset class="fieldset" aria-describedby={error ? `${FIELD}-error` : undefined}>
            <legend class="fieldset-legend">Which form is it?</legend>
            <ErrorMessage id={`${FIELD}-error`} text={error} />
            <div class="radios">
              {FORMS.map((form) => (
                <div class="radio" key={form.kind}>
                  <input
                    id={`${FIELD}-${form.kind}`}
                    name={FIELD}
                    type="radio"
                    value={form.kind}
                    checked={kind === form.kind}
                    onChange={() => setKind(form.kind)}
                  />
                  <label for={`${FIELD}-${form.kind}`}>
                    {form.label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" class="button button--secondary" data-action="fit-start">
          Fit a form on this page
        </button>
      </form>
    </section>
  );
}
