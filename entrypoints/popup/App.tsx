import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NoticeBox, type Notice } from '../../components/Notice';
import { trackerProblem } from '../../lib/tracker/problem';
import { AddAgreementForm } from '../../components/popup/AddAgreementForm';
import { AgreementList, filterGroups, groupRows, groupsSize, searchTerm, StatusCounts } from '../../components/popup/AgreementList';
import { AgreementRow, type RowMode } from '../../components/popup/AgreementRow';
import { DeleteAll } from '../../components/popup/DeleteAll';
import { agreements as countOf } from '../../components/popup/StatusTag';
import { Transfer } from '../../components/popup/Transfer';
import { formatDate, todayInUk, type IsoDate } from '../../lib/dates';
import { completeSettings, type Settings } from '../../lib/settings';
import { loadEffectiveSettings } from '../../lib/platform/settings-store';
import { TrackerDatabase } from '../../lib/tracker/db';
import { nextReviewDue, statusOf } from '../../lib/tracker/due';
import type { TrackedAgreement } from '../../lib/tracker/model';
import { listRows, readList, type ListEntry, type ListRow as Row } from '../../lib/tracker/summary';
import { TRACKER_CHANGED, type TrackerChangedMessage } from '../../lib/tracker/notify';
import { deleteAll, recordReview, removeAgreement, upsertAgreement } from '../../lib/tracker/store';

export interface AppProps {
  /** The tracker's database; by default the extension's own. */
  db?: TrackerDatabase;
  /** Today's UK date; by default read from the clock. */
  today?: IsoDate;
  /** The settings; by default read from the extension's storage. */
  settings?: Settings;
  /** What startLoading() began reading, when the popup opens. */
  preload?: Preload;
}

type Load =
  | { state: 'loading' }
  | { state: 'failed'; reason: string }
  | { state: 'ready'; agreements: ListEntry[] };



/** Tells the background that the tracker changed, so that it updates the toolbar badge. */
function notifyChanged(): void {
  try {
    const message: TrackerChangedMessage = { type: TRACKER_CHANGED };
    browser.runtime.sendMessage(message).catch(() => {});
  } catch {
    // No background to tell (a page opened outside the extension): the badge catches up at its next check.
  }
}

async function readSettings(): Promise<Settings> {
  try {
    // The user's settings under the organisation's policy.
    return (await loadEffectiveSettings()).settings;
  } catch {
    return completeSettings(undefined);
  }
}


/** The tracker and the settings, asked for as the popup's script starts, before anything is drawn. */
export interface Preload {
  opened: { db: TrackerDatabase; error: null } | { db: null; error: unknown };
  list: Promise<ListEntry[]> | null;
  settings: Promise<Settings>;
}

export function startLoading(): Preload {
  let opened: Preload['opened'];
  let list: Promise<ListEntry[]> | null = null;
  try {
    const db = new TrackerDatabase();
    opened = { db, error: null };
    list = readList(db);
    // Handled where it is used (the App shows the failure); not an unhandled rejection meanwhile.
    list.catch(() => undefined);
  } catch (error) {
    opened = { db: null, error };
  }
  return { opened, list, settings: readSettings() };
}

/** The popup: the tracked agreements by status, and what a team lead does with them. */
export function App({ db: givenDb, today: givenToday, settings: givenSettings, preload }: AppProps) {
  const today = useMemo(() => givenToday ?? todayInUk(), [givenToday]);
  const opened = useMemo((): Preload['opened'] => {
    if (givenDb) return { db: givenDb, error: null };
    if (preload) return preload.opened;
    try {
      return { db: new TrackerDatabase(), error: null };
    } catch (error) {
      return { db: null, error };
    }
  }, [givenDb, preload]);
  const db = opened.db;

  const [settings, setSettings] = useState<Settings | null>(givenSettings ?? null);
  const [load, setLoad] = useState<Load>(opened.error ? { state: 'failed', reason: trackerProblem(opened.error) } : { state: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<{ key: string; mode: RowMode } | null>(null);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const addReturnFocus = useRef(false);
  const busy = useRef(false);
  const serial = useRef(0);

  // The list asked for before the first render, used once.
  const preloaded = useRef(givenDb ? null : (preload?.list ?? null));
  const reload = useCallback(async () => {
    if (!db) return;
    try {
      const list = preloaded.current ?? readList(db);
      preloaded.current = null;
      setLoad({ state: 'ready', agreements: await list });
    } catch (error) {
      setLoad({ state: 'failed', reason: trackerProblem(error) });
    }
  }, [db]);

  useEffect(() => {
    void reload();
    return () => {
      // The popup's own connection; a database given by a test is the test's to close.
      if (!givenDb) db?.close();
    };
  }, [reload]);

  useEffect(() => {
    if (givenSettings) setSettings(givenSettings);
    else void (preload?.settings ?? readSettings()).then(setSettings);
  }, [givenSettings, preload]);

  // For the benchmark (npm run bench): when the list is first on screen.
  const rendered = useRef(false);
  useEffect(() => {
    if (!rendered.current && load.state !== 'loading' && settings) {
      rendered.current = true;
      performance.mark('monitoring-guard:popup-rendered');
    }
  }, [load, settings]);

  useLayoutEffect(() => {
    if (!adding && addReturnFocus.current) {
      addReturnFocus.current = false;
      addButton.current?.focus();
    }
  }, [adding]);

  const agreements = load.state === 'ready' ? load.agreements : [];
  const dueSoonDays = settings?.dueSoonDays ?? 14;
  const grouped = useMemo(() => groupRows(listRows(agreements, today, dueSoonDays)), [agreements, today, dueSoonDays]);
  const term = searchTerm(query);
  const shown = useMemo(() => filterGroups(grouped, term), [grouped, term]);

  const say = (kind: Notice['kind'], text: string) => setNotice({ kind, text, serial: ++serial.current });

  /**
   * Runs one change to the tracker: on success, reloads the list, tells the background and says
   * what was done; on failure, says why (each write is one transaction: nothing half-done).
   */
  const change = async (work: (db: TrackerDatabase) => Promise<string>, failure: string): Promise<boolean> => {
    if (!db || busy.current) return false;
    busy.current = true;
    try {
      const done = await work(db);
      notifyChanged();
      await reload();
      setOpen(null);
      say('success', done);
      return true;
    } catch (error) {
      say('error', `${failure}: ${trackerProblem(error)}. The tracker has not been changed.`);
      return false;
    } finally {
      busy.current = false;
    }
  };

  const dueText = (agreement: TrackedAgreement) =>
    statusOf(agreement, today, dueSoonDays) === 'ended' ? 'Monitoring has ended.' : `Next review due ${formatDate(nextReviewDue(agreement))}.`;

  const renderRow = (row: Row) => {
    const { entry: agreement } = row;
    return (
      <AgreementRow
        key={agreement.key}
        row={row}
        today={today}
        settings={settings!}
        mode={open?.key === agreement.key ? open.mode : null}
        onOpen={(mode) => setOpen({ key: agreement.key, mode })}
        onClose={() => setOpen(null)}
        onRecordReview={(review) =>
          change(async (db) => {
            const updated = await recordReview(db, { personId: agreement.personId, startDate: agreement.startDate, endDate: null }, review, 'manual');
            return `Review recorded for person ${agreement.personId}. ${dueText(updated)}`;
          }, 'The review could not be recorded')
        }
        onRemove={() =>
          change(async (db) => {
            await removeAgreement(db, agreement.key);
            return `The entry for person ${agreement.personId} has been removed.`;
          }, 'The entry could not be removed')
        }
      />
    );
  };

  if (load.state === 'failed') {
    return (
      <main class="page">
        <h1>Monitoring reviews</h1>
        <div class="notice notice--error" role="alert" data-notice="error">
          <p>
            The review tracker could not be read: {load.reason}. Nothing has been deleted.
          </p>
          <p>Close the popup and open it again. If this keeps happening, tell your IT service desk.</p>
        </div>
      </main>
    );
  }

  if (load.state === 'loading' || settings === null) {
    return (
      <main class="page">
        <h1>Monitoring reviews</h1>
        <p role="status">Reading the review tracker…</p>
      </main>
    );
  }

  const matches = groupsSize(shown);
  return (
    <main class="page">
      <h1>Monitoring reviews</h1>
      <NoticeBox notice={notice} />
      <StatusCounts groups={grouped} />

      {adding ? (
        <AddAgreementForm
          onCancel={() => {
            addReturnFocus.current = true;
            setAdding(false);
          }}
          onSave={async (input) => {
            const saved = await change(async (db) => {
              const agreement = await upsertAgreement(db, input, 'manual');
              const verb = agreement.createdAt === agreement.updatedAt ? 'added' : 'updated';
              return `Agreement ${verb} for person ${agreement.personId}. ${dueText(agreement)}`;
            }, 'The agreement could not be added');
            if (saved) setAdding(false);
          }}
        />
      ) : (
        <div class="top-actions">
          <button type="button" class="button button--secondary" ref={addButton} onClick={() => setAdding(true)}>
            Add an agreement by hand
          </button>
          {agreements.length > 0 && (
            <a class="link" href="#manage">
              Download, import or delete data
            </a>
          )}
          <a
            class="link"
            href="options.html"
            onClick={(event) => {
              // The settings page: Mosaic addresses, role, reminders, form profiles.
              event.preventDefault();
              void browser.runtime.openOptionsPage().catch(() => window.open('options.html'));
            }}
          >
            Settings
          </a>
        </div>
      )}

      {agreements.length === 0 ? (
        <div class="empty">
          <p class="empty-title">No agreements are tracked yet.</p>
          <p>
            An agreement appears here when a written agreement or a review is saved, finished or viewed in Mosaic, or when you add one by hand.
          </p>
        </div>
      ) : (
        <>
          <div class="form-group search">
            <label class="label" for="search">
              Search by person ID
            </label>
            <input
              class="input input--id"
              id="search"
              type="search"
              inputMode="numeric"
              autoComplete="off"
              spellcheck={false}
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          <p class="search-result" role="status">
            {term === '' ? '' : matches === 0 ? `No agreements match person ID ${term}.` : `${countOf(matches)} ${matches === 1 ? 'matches' : 'match'} ${term}.`}
          </p>
          <AgreementList groups={shown} renderRow={renderRow} />
        </>
      )}

      <Transfer
        db={db!}
        count={agreements.length}
        today={today}
        dueSoonDays={dueSoonDays}
        onImport={(plan) =>
          change(async (db) => {
            const { applyImport } = await import('../../lib/tracker/transfer');
            await applyImport(db, plan);
            return `Backup imported: ${countOf(plan.add.length)} added, ${plan.update.length} updated.`;
          }, 'The backup could not be imported')
        }
      />
      {agreements.length > 0 && (
        <DeleteAll
          onDeleteAll={() =>
            change(async (db) => {
              await deleteAll(db);
              return 'Every tracked agreement has been deleted.';
            }, 'The tracked data could not be deleted')
          }
        />
      )}
    </main>
  );
}

export default App;
