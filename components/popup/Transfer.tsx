import { reasonOf } from '../Notice';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import type { TrackerDatabase } from '../../lib/tracker/db';
import type { ImportCheck, ImportPlan } from '../../lib/tracker/transfer';
import { downloadText } from '../shared/download';
import { ErrorSummary } from '../shared/ErrorSummary';
import { agreements as countOf } from './StatusTag';

/** "This will add 3 agreements and update 1." */
export function importPreview(plan: ImportPlan): string {
  return `This will add ${countOf(plan.add.length)} and update ${plan.update.length}.`;
}


export interface TransferProps {
  /** The tracker's database, opened when first needed. */
  database: () => Promise<TrackerDatabase>;
  /** How many agreements are tracked (the downloads read them in full when asked for). */
  count: number;
  today: IsoDate;
  dueSoonDays: number;
  /** Writes a checked plan; resolves true when it was written. */
  onImport: (plan: ImportPlan) => Promise<boolean>;
}

/** Download (CSV, JSON backup) and import of a backup. */
export function Transfer({ database, count, today, dueSoonDays, onImport }: TransferProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = useRef<HTMLParagraphElement>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [downloaded, setDownloaded] = useState('');
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

  const download = async (kind: 'csv' | 'json') => {
    const fileName = `monitoring-reviews-${today}.${kind}`;
    try {
      // The tracker's reading and the file formats are loaded when asked for, not with the popup.
      const [db, { listAgreements }, { exportCsv, exportJson }] = await Promise.all([database(), import('../../lib/tracker/store'), import('../../lib/tracker/export')]);
      const agreements = await listAgreements(db);
      if (kind === 'csv') downloadText(fileName, exportCsv(agreements, today, dueSoonDays), 'text/csv;charset=utf-8');
      else downloadText(fileName, exportJson(agreements), 'application/json');
      setDownloaded(`Downloading ${fileName} (${countOf(agreements.length)}).`);
    } catch (error) {
      setDownloaded(`The file could not be downloaded: ${reasonOf(error)}.`);
    }
  };

  const choose = async (file: File | undefined) => {
    setDownloaded('');
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
      // The checks of a backup are loaded when a file is chosen, not with the popup.
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

  return (
    <section class="section" aria-labelledby="transfer-title" id="manage">
      <h2 id="transfer-title">Download or import</h2>
      {count > 0 && (
        <>
          <p>Download the tracked agreements for a spreadsheet (CSV), or a backup (JSON) to import on this or another computer.</p>
          <div class="button-group">
            <button type="button" class="button button--secondary" onClick={() => void download('csv')}>
              Download CSV
            </button>
            <button type="button" class="button button--secondary" onClick={() => void download('json')}>
              Download backup (JSON)
            </button>
          </div>
        </>
      )}
      <p class="status-line" role="status">
        {downloaded}
      </p>
      {check && !check.ok && (
        <ErrorSummary errors={check.errors.map((text) => ({ fieldId: 'import-file', text }))} level={3} focusToken={attempt} />
      )}
      <div class={`form-group${check && !check.ok ? ' form-group--error' : ''}`}>
        <label class="label" for="import-file">
          Import a backup (JSON)
        </label>
        <p class="hint" id="import-file-hint">
          A file downloaded with “Download backup (JSON)”. You will see what it changes before anything is imported.
        </p>
        {check && !check.ok && (
          <p class="error-message" id="import-file-error">
            <span class="visually-hidden">Error:</span> {fileName} cannot be imported and nothing has changed. Choose a backup file exported from this popup.
          </p>
        )}
        <input
          ref={fileInput}
          class={`file-upload${check && !check.ok ? ' input--error' : ''}`}
          id="import-file"
          type="file"
          accept=".json,application/json"
          aria-describedby={check && !check.ok ? 'import-file-hint import-file-error' : 'import-file-hint'}
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
    </section>
  );
}
