/**
 * The import of a backup in a tab of its own. Firefox closes its popup when the file picker
 * opens, so the popup there sends the user here; the checks and the preview are the popup's.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { NoticeBox, noticeMaker, type Notice } from '../../components/Notice';
import { ImportBackup } from '../../components/shared/ImportBackup';
import { agreements as countOf } from '../../components/popup/StatusTag';
import type { TrackerDatabase } from '../../lib/tracker/db';
import { givenDatabase, importPlan, lazyDatabase } from '../../lib/tracker/page-db';
import { trackerProblem } from '../../lib/tracker/problem';

export function ImportPage({ db }: { db?: TrackerDatabase }) {
  const database = useMemo(() => (db ? givenDatabase(db) : lazyDatabase()), [db]);
  const notice = useMemo(noticeMaker, []);
  const [shown, setShown] = useState<Notice | null>(null);
  useEffect(() => () => database.close(), [database]);

  return (
    <main class="page">
      <h1>Import a backup</h1>
      <p>Import the agreements of a backup into the review tracker on this computer. Agreements it already tracks are updated; nothing is deleted.</p>
      <NoticeBox notice={shown} />
      <ImportBackup
        level={2}
        database={database.get}
        onImport={async (plan) => {
          try {
            await importPlan(database, plan);
            setShown(notice('success', `Backup imported: ${countOf(plan.add.length)} added, ${plan.update.length} updated. Open Monitoring Guard from the browser's toolbar to see them, or close this tab.`));
            return true;
          } catch (error) {
            setShown(notice('error', `The backup could not be imported: ${trackerProblem(error)}. The tracker has not been changed.`));
            return false;
          }
        }}
      />
    </main>
  );
}
