import { useLayoutEffect, useRef } from 'preact/hooks';

export interface FieldError {
  /** The id of the input the message is about, or null when it is about no one field. */
  fieldId: string | null;
  text: string;
}

export interface ErrorSummaryProps {
  errors: readonly FieldError[];
  /** The heading level that keeps the page's headings in order. */
  level?: 2 | 3 | 4;
  /** Changes each time the summary should take the focus again (a new failed attempt). */
  focusToken?: number;
}

/**
 * The GOV.UK error summary: "There is a problem", then each error, linking to its field with
 * the same words as the message by the field. It takes the focus when shown (which is how
 * screen readers hear it, without a live region announcing it twice).
 */
export function ErrorSummary({ errors, level = 2, focusToken = 0 }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.focus();
  }, [focusToken]);
  const Heading = `h${level}` as 'h2';
  return (
    <div class="error-summary" ref={box} tabIndex={-1}>
      <Heading class="error-summary-title">There is a problem</Heading>
      <ul class="error-summary-list">
        {errors.map((error, index) => (
          <li key={`${index}-${error.text}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  // The document, or the shadow root the summary is in (the guard's fitting view).
                  const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
                  const field = root.getElementById(error.fieldId!) as HTMLElement | null;
                  if (!field) return;
                  event.preventDefault();
                  field.scrollIntoView?.({ block: 'center' });
                  field.focus();
                }}
              >
                {error.text}
              </a>
            ) : (
              error.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message by a field, with "Error:" for screen readers. */
export function ErrorMessage({ id, text }: { id: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p class="error-message" id={id}>
      <span class="visually-hidden">Error:</span> {text}
    </p>
  );
}
