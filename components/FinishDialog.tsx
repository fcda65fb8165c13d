import { useLayoutEffect, useRef } from 'preact/hooks';
import type { GapView } from '../lib/guard/view-model';

export interface FinishDialogProps {
  /** The lines of "There is a problem" (view-model finishLines): each error, a question not found once, the sections never shown in one. */
  errors: Array<{ key: string; message: string; gap?: GapView }>;
  onGoBack: () => void;
  onFinishAnyway: () => void;
  onShowField: (gap: GapView) => void;
}

/**
 * Before the page's Finish goes ahead with errors: "There is a problem", the errors, and the
 * worker's choice. A native modal dialog: the page behind cannot be used until they choose, and
 * Escape goes back.
 */
export function FinishDialog({ errors, onGoBack, onFinishAnyway, onShowField }: FinishDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const goBack = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    goBack.current?.focus();
    return () => {
      if (element.open && typeof element.close === 'function') element.close();
    };
  }, []);
  return (
    <dialog
      class="mg-dialog"
      ref={dialog}
      aria-labelledby="mg-dialog-title"
      aria-describedby="mg-dialog-intro"
      onCancel={(event) => {
        event.preventDefault();
        onGoBack();
      }}
    >
      <div class="mg-error-summary">
        <h2 id="mg-dialog-title">There is a problem</h2>
        <p id="mg-dialog-intro">
          {errors.length === 1
            ? 'This form has 1 thing to fix before it is finished:'
            : `This form has ${errors.length} things to fix before it is finished:`}
        </p>
        <ul class="mg-error-list">
          {errors.map((line) => (
            <li key={line.key}>
              {line.gap?.locator ? (
                <button type="button" class="mg-link mg-link--error" onClick={() => onShowField(line.gap!)}>
                  {line.message}
                </button>
              ) : (
                line.message
              )}
            </li>
          ))}
        </ul>
      </div>
      <div class="mg-actions">
        <button type="button" class="mg-button" data-action="go-back" ref={goBack} onClick={onGoBack}>
          Go back and fix
        </button>
        <button type="button" class="mg-button mg-button--secondary" data-action="finish-anyway" onClick={onFinishAnyway}>
          Finish anyway
        </button>
      </div>
    </dialog>
  );
}
