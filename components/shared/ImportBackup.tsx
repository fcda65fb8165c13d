import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { reasonOf } from '../Notice';
import type { TrackerDatabase } from '../../lib/tracker/db';
import type { ImportChange, ImportCheck, ImportPlan } from '../../lib/tracker/transfer';
import { formatDate } from '../../lib/dates';
import { agreements as countOf } from '../popup/StatusTag';
import { ErrorSummary } from './ErrorSummary';

/** "This will add 3 agreements and update 1." */
export function importPreview(plan: ImportPlan): string {
  return `This will add ${countOf(plan.add.length)} and update ${plan.update.length}.`;
}

/** The changes listed in the preview; the rest are counted. */
export const CHANGES_SHOWN = 50;

/** A file larger than this is refused before it is read (transfer.ts MAX_FILE_BYTES). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Files chosen at once are read together: more than this in all is refused before any is read. */
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;

type Checked = { check: ImportCheck; changes: ImportChange[] };

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
  const [checked, setChecked] = useState<Checked | null>(null);
  const check = checked?.check ?? null;
  const [attempt, setAttempt] = useState(0);
  const [reading, setReading] = useState(false);
  const [fileName, setFileName] = useState('');
  // Files chosen again while the last were being checked: only the latest choice is shown.
  const choices = useRef(0);

  useLayoutEffect(() => {
    if (check?.ok) preview.current?.focus();
  }, [check]);

  const reset = (focus: boolean) => {
    setChecked(null);
    if (fileInput.current) fileInput.current.value = '';
    if (focus) fileInput.current?.focus();
  };

  const choose = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0) {
      setChecked(null);
      return;
    }
    const choice = ++choices.current;
    setReading(true);
    setFileName(files.length === 1 ? files[0]!.name : `These ${files.length} files`);
    // Choosing the same files again (after fixing one) checks them again.
    if (fileInput.current) fileInput.current.value = '';
    let result: Checked;
    try {
      const tooLarge = files.filter((file) => file.size > MAX_FILE_BYTES);
      const total = files.reduce((sum, file) => sum + file.size, 0);
      if (total > MAX_TOTAL_BYTES) {
        result = { check: { ok: false, errors: [`These files are larger together (${Math.round(total / 1024 / 1024)} MB) than a team's backups: choose files of 200 MB or less in all`] }, changes: [] };
      } else if (tooLarge.length > 0) {
        result = { check: { ok: false, errors: tooLarge.map((file) => `${file.name}: the file is larger than any tracker backup (50 MB)`) }, changes: [] };
      } else {
        // The checks of a backup are loaded when a file is chosen, not with the page.
        const [db, { planImports, changesOf }] = await Promise.all([database(), import('../../lib/tracker/transfer')]);
        const texts = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
        const planned = await planImports(db, texts);
        result = { check: planned, changes: planned.ok ? await changesOf(db, planned.plan) : [] };
      }
    } catch (error) {
      result = { check: { ok: false, errors: [`The file could not be read: ${reasonOf(error)}`] }, changes: [] };
    }
    if (choice !== choices.current) return;
    setReading(false);
    setChecked(result);
    if (!result.check.ok) setAttempt((count) => count + 1);
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
          A file downloaded with “Download backup (JSON)”, or several at once, such as each of your team's. The same agreement
          is kept once, with its latest facts. You will see what they change before anything is imported.
        </p>
        {failed && (
          <p class="error-message" id="import-file-error">
            <span class="visually-hidden">Error:</span> {fileName} cannot be imported and nothing has changed. Choose backup files exported from the popup.
          </p>
        )}
        <input
          ref={fileInput}
          class={`file-upload${failed ? ' input--error' : ''}`}
          id="import-file"
          type="file"
          accept=".json,application/json"
          multiple
          aria-describedby={failed ? 'import-file-hint import-file-error' : 'import-file-hint'}
          onChange={(event) => void choose(event.currentTarget.files)}
        />
      </div>
      {reading && <p role="status">Checking…</p>}
      {plan && (
        <div class="confirm" role="group" aria-labelledby="import-preview">
          <p class="hint">
            Checked: {plan.files && plan.files.length > 1 ? plan.files.map((file) => `${file.name} (${countOf(file.agreements)})`).join(', ') : fileName}
            {plan.shared ? `. ${countOf(plan.shared)} ${plan.shared === 1 ? 'is' : 'are'} in more than one file and will be kept once.` : ''}
          </p>
          <p class="confirm-question" id="import-preview" tabIndex={-1} ref={preview}>
            {nothingToDo
              ? `Nothing to import: every agreement in the ${plan.files && plan.files.length > 1 ? 'files' : 'file'} is already tracked as it is.`
              : importPreview(plan)}
            {!nothingToDo && plan.unchanged > 0 && ` ${countOf(plan.unchanged)} in the ${plan.files && plan.files.length > 1 ? 'files' : 'file'} ${plan.unchanged === 1 ? 'is' : 'are'} already up to date.`}
          </p>
          {!nothingToDo && checked && <ChangeList changes={checked.changes} />}
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

/** What importing changes, agreement by agreement (the first CHANGES_SHOWN, then how many more). */
function ChangeList({ changes }: { changes: readonly ImportChange[] }) {
  const shown = changes.slice(0, CHANGES_SHOWN);
  return (
    <details class="details">
      <summary class="details__summary">What will change</summary>
      <table class="table">
        <caption class="visually-hidden">What importing will change</caption>
        <thead>
          <tr>
            <th scope="col">Person ID</th>
            <th scope="col">Agreement start</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((change) => (
            <tr key={change.key} data-import-change={change.key}>
              <td>{change.personId}</td>
              <td>{formatDate(change.startDate)}</td>
              <td>{change.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length > shown.length && <p class="hint">And {countOf(changes.length - shown.length)} more.</p>}
    </details>
  );
}
