import { reasonOf } from '../Notice';
import { useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import type { TrackerDatabase } from '../../lib/tracker/db';
import type { ImportPlan } from '../../lib/tracker/transfer';
import { downloadText } from '../shared/download';
import { ImportBackup } from '../shared/ImportBackup';
import { agreements as countOf } from './StatusTag';

export interface TransferProps {
  /** The tracker's database, opened when first needed. */
  database: () => Promise<TrackerDatabase>;
  /** How many agreements are tracked (the downloads read them in full when asked for). */
  count: number;
  today: IsoDate;
  dueSoonDays: number;
  /** Writes a checked plan; resolves true when it was written. */
  onImport: (plan: ImportPlan) => Promise<boolean>;
  /**
   * Given where the popup cannot choose a file (Firefox closes it when the file picker opens):
   * opens the import in a tab instead of offering the file here.
   */
  importInTab?: () => void;
}

/** Download (CSV, JSON backup) and import of a backup. */
export function Transfer({ database, count, today, dueSoonDays, onImport, importInTab }: TransferProps) {
  const [downloaded, setDownloaded] = useState('');

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
      {importInTab ? (
        <>
          <p id="import-tab-hint">Import a backup downloaded with “Download backup (JSON)”. The import opens in a new tab, where you choose the file and see what it changes before anything is imported.</p>
          <button type="button" class="button button--secondary" data-action="import-in-tab" aria-describedby="import-tab-hint" onClick={importInTab}>
            Import a backup
          </button>
        </>
      ) : (
        <ImportBackup database={database} onImport={onImport} />
      )}
    </section>
  );
}
