import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface DeleteAllProps {
  /** Deletes everything; resolves true when done. */
  onDeleteAll: () => Promise<boolean>;
}

/** "Delete all tracked data", behind a confirmation. */
export function DeleteAll({ onDeleteAll }: DeleteAllProps) {
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useLayoutEffect(() => {
    if (confirming) question.current?.focus();
    else if (returnFocus.current) {
      button.current?.focus();
      returnFocus.current = false;
    }
  }, [confirming]);

  return (
    <section class="section" aria-labelledby="delete-all-title">
      <h2 id="delete-all-title">Delete all tracked data</h2>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="delete-all-question">
          <p class="confirm-question" id="delete-all-question" tabIndex={-1} ref={question}>
            This deletes every tracked agreement on this computer. It cannot be undone.
          </p>
          <div class="button-group">
            <button
              type="button"
              class="button button--warning"
              onClick={async () => {
                if (await onDeleteAll()) setConfirming(false);
              }}
            >
              Yes, delete all
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                returnFocus.current = true;
                setConfirming(false);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>Removes every agreement from the tracker on this computer. Download a backup first if you may need them again.</p>
          <button type="button" class="button button--warning" ref={button} onClick={() => setConfirming(true)}>
            Delete all tracked data
          </button>
        </>
      )}
    </section>
  );
}
