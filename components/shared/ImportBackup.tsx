import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { reasonOf } from '../Notice';
import type { TrackerDatabase } from '../../lib/tracker/db';
import type { ImportCheck, ImportPlan } from '../../lib/tracker/transfer';
import { agreements as countOf } from '../popup/StatusTag';
import { ErrorSummary } from './ErrorSummary';

/** "This will add 3 agreements and update 1." */
export function importPreview(plan: ImportPlan): string {
  return `This will add ${countOf(plan.add.length)} and update ${plan.update.length}.`;
}

export interface ImportBackupProps {
  /** The tracker's database, opened when first needed. */
  database: () => Promise<TrackerDatabase>;
  /** Writes a checked plan; resolves true when it was written. */
  onImport: (plan: ImportPlan) => Promise<boolean>;
  /** The heading level of the error summary, to keep the page's headings in order. */
  level?: 2 | 3;
}

/**
 * The import of a backup: choose a file, see what it would change, then import it or cancel.
 * A file that fails a check is refused whole, with its reasons, and nothing changes. Used in
 * the popup (Chrome and Edge) and in the import tab (Firefox closes its popup when a file is chosen).
 */
export function ImportBackup({ database, onImport, level = 3 }: ImportBackupProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = useRef<HTMLParagraphElement>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [reading, setReading] = useState(false);
  const [fileName, setFileName] = useState('');

  useLayoutEffect(() => {
    if (check?.ok) preview.current?.focus();
  }, [check]);

  const reset = (focus: boolean) => {
    setCheck(null);
    if (fileInput.current) fileInput.current.value = '';
    if (focus) fileInput.current?.focus();
  };

  const choose = async (file: File | undefined) => {
    if (!file) {
      setCheck(null);
      return;
    }
    setReading(true);
    setFileName(file.name);
    // Choosing the same file again (after fixing it) checks it again.
    if (fileInput.current) fileInput.current.value = '';
    let result: ImportCheck;
    try {
      // The checks of a backup are loaded when a file is chosen, not with the page.
      const [db, { planImport }] = await Promise.all([database(), import('../../lib/tracker/transfer')]);
      result = await planImport(db, await file.text());
    } catch (error) {
      result = { ok: false, errors: [`The file could not be read: ${reasonOf(error)}`] };
    }
    setReading(false);
    setCheck(result);
    if (!result.ok) setAttempt((count) => count + 1);
  };

  const plan = check?.ok ? check.plan : null;
  const nothingToDo = plan !== null && plan.add.length === 0 && plan.update.length === 0;
  const failed = check !== null && !check.ok;

  return (
    <>
      {check && !check.ok && <ErrorSummary errors={check.errors.map((text) => ({ fieldId: 'import-file', text }))} level={level} focusToken={attempt} />}
      <div class={`form-group${failed ? ' form-group--error' : ''}`}>
        <label class="label" for="import-file">
          Import a backup (JSON)
        </label>
        <p class="hint" id="import-file-hint">
          A file downloaded with “Download backup (JSON)”. You will see what it changes before anything is imported.
        </p>
        {failed && (
          <p class="error-message" id="import-file-error">
            <span class="visually-hidden">Error:</span> {fileName} cannot be imported and nothing has changed. Choose a backup file exported from the popup.
          </p>
        )}
        <input
          ref={fileInput}
          class={`file-upload${failed ? ' input--error' : ''}`}
          id="import-file"
          type="file"
          accept=".json,application/json"
          aria-describedby={failed ? 'import-file-hint import-file-error' : 'import-file-hint'}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </div>
      {reading && <p role="status">Checking the file…</p>}
      {plan && (
        <div class="confirm" role="group" aria-labelledby="import-preview">
          <p class="hint">Checked: {fileName}</p>
          <p class="confirm-question" id="import-preview" tabIndex={-1} ref={preview}>
            {nothingToDo ? 'Nothing to import: every agreement in the file is already tracked as it is.' : importPreview(plan)}
            {!nothingToDo && plan.unchanged > 0 && ` ${countOf(plan.unchanged)} in the file ${plan.unchanged === 1 ? 'is' : 'are'} already up to date.`}
          </p>
          <div class="button-group">
            {!nothingToDo && (
              <button
                type="button"
                class="button"
                onClick={async () => {
                  if (await onImport(plan)) reset(false);
                }}
              >
                Import
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={() => reset(true)}>
              {nothingToDo ? 'Close' : 'Cancel'}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
