import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NoticeBox, type Notice } from '../../components/Notice';
import { trackerProblem } from '../../lib/tracker/problem';
import { AddAgreementForm } from '../../components/popup/AddAgreementForm';
import { AgreementList, filterGroups, groupRows, groupsSize, searchTerm, StatusCounts } from '../../components/popup/AgreementList';
import { agreementRow, rowFocusId, rowId, type RowMode } from '../../components/popup/AgreementRow';
import { DeleteAll } from '../../components/popup/DeleteAll';
import { agreements as countOf } from '../../components/popup/StatusTag';
import { Transfer } from '../../components/popup/Transfer';
import { formatDate, todayInUk, type IsoDate } from '../../lib/dates';
import { completeSettings, type Settings } from '../../lib/settings';
import { loadEffectiveSettings } from '../../lib/platform/settings-store';
import type { TrackerDatabase } from '../../lib/tracker/db';
import { nextReviewDue, statusOf } from '../../lib/tracker/due';
import type { TrackedAgreement } from '../../lib/tracker/model';
import { listRows, readList, type ListEntry, type ListRow as Row } from '../../lib/tracker/summary';
import { givenDatabase, lazyDatabase, notifyChanged, type LazyDatabase } from '../../lib/tracker/page-db';
import { takeQuickList } from '../../lib/tracker/quick-list';
import { FitPrompt } from '../../components/popup/FitPrompt';
import { findFitTarget, startFitting, type FitTarget } from '../../lib/platform/fit-target';
import type { FormKind } from '../../lib/forms/profile';

/** The tracker's writes, loaded with Dexie when first needed. */
type TrackerStore = typeof import('../../lib/tracker/store');

export interface AppProps {
  /** The tracker's database; by default the extension's own. */
  db?: TrackerDatabase;
  /** Today's UK date; by default read from the clock. */
  today?: IsoDate;
  /** The settings; by default read from the extension's storage. */
  settings?: Settings;
  /** What startLoading() began reading, when the popup opens. */
  preload?: Preload;
  /** Where "Fit a form on this page" can open a fitting (tests give their own); by default the active tab's. */
  fitTarget?: (settings: Settings) => Promise<FitTarget | null>;
  startFit?: (target: FitTarget, kind: FormKind) => Promise<boolean>;
}

type Load =
  | { state: 'loading' }
  | { state: 'failed'; reason: string }
  | { state: 'ready'; agreements: ListEntry[] };



/**
 * Opens the import of a backup in a tab and closes the popup. Firefox closes its popup when the
 * file picker opens, so a file cannot be chosen there.
 */
function openImportTab(): void {
  void browser.tabs
    .create({ url: browser.runtime.getURL('/import.html') })
    .then(() => window.close())
    .catch(() => window.open(browser.runtime.getURL('/import.html')));
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
  database: LazyDatabase;
  list: Promise<ListEntry[]>;
  settings: Promise<Settings>;
  /** What has been read by the time of the first render. */
  ready: { list?: ListEntry[]; settings?: Settings };
}

export function startLoading(): Preload {
  const database = lazyDatabase();
  const ready: Preload['ready'] = {};
  // The list kept beside the entries, read without Dexie; else the tracker reads (and mends) it.
  const list = takeQuickList().then(async (quick) => (ready.list = quick ?? (await readList(await database.get()))));
  // Handled where it is used (the App shows the failure); not an unhandled rejection meanwhile.
  list.catch(() => undefined);
  const settings = readSettings().then((read) => (ready.settings = read));
  return { database, list, settings, ready };
}

/** The popup: the tracked agreements by status, and what a team lead does with them. */
export function App({ db: givenDb, today: givenToday, settings: givenSettings, preload, fitTarget = findFitTarget, startFit = startFitting }: AppProps) {
  const today = useMemo(() => givenToday ?? todayInUk(), [givenToday]);
  const database = useMemo(() => (givenDb ? givenDatabase(givenDb) : (preload?.database ?? lazyDatabase())), [givenDb, preload]);
  // What the preload had read when the popup was first drawn is drawn at once, without a
  // "Reading…" state first.
  const initialList = givenDb ? undefined : preload?.ready.list;

  const [settings, setSettings] = useState<Settings | null>(givenSettings ?? preload?.ready.settings ?? null);
  const findFit = useCallback(() => (settings ? fitTarget(settings) : Promise.resolve(null)), [settings, fitTarget]);
  const [load, setLoad] = useState<Load>(initialList ? { state: 'ready', agreements: initialList } : { state: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<{ key: string; id: string; mode: RowMode } | null>(null);
  /** After Cancel in a row, the focus goes back to the button that opened its form. */
  const rowReturnFocus = useRef<{ id: string; mode: RowMode } | null>(null);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const addReturnFocus = useRef(false);
  const busy = useRef(false);
  const serial = useRef(0);

  // The list asked for before the first render, used once (not at all when it was drawn at once).
  const preloaded = useRef(givenDb || initialList ? null : (preload?.list ?? null));
  const reload = useCallback(async () => {
    try {
      const list = preloaded.current ?? database.get().then(readList);
      preloaded.current = null;
      setLoad({ state: 'ready', agreements: await list });
    } catch (error) {
      setLoad({ state: 'failed', reason: trackerProblem(error) });
    }
  }, [database]);

  useEffect(() => {
    if (!initialList) void reload();
    // The popup's own connection; a database given by a test is the test's to close.
    return () => database.close();
  }, [reload]);

  useEffect(() => {
    if (givenSettings) setSettings(givenSettings);
    else if (!preload?.ready.settings) void (preload?.settings ?? readSettings()).then(setSettings);
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
    if (open?.mode === 'remove') document.getElementById(rowFocusId.question(open.id))?.focus();
    if (open === null && rowReturnFocus.current) {
      document.getElementById(rowFocusId.opener(rowReturnFocus.current.id, rowReturnFocus.current.mode))?.focus();
      rowReturnFocus.current = null;
    }
  }, [open]);

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
  const change = async (work: (db: TrackerDatabase, store: TrackerStore) => Promise<string>, failure: string): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    try {
      const [db, store] = await Promise.all([database.get(), import('../../lib/tracker/store')]);
      const done = await work(db, store);
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
    const id = rowId(row);
    return agreementRow({
      row,
      today,
      settings: settings!,
      mode: open?.key === agreement.key ? open.mode : null,
      onOpen: (mode) => setOpen({ key: agreement.key, id, mode }),
      onCancel: (mode) => {
        rowReturnFocus.current = { id, mode };
        setOpen(null);
      },
      onRecordReview: (review) =>
        change(async (db, { recordReview }) => {
          const updated = await recordReview(db, { personId: agreement.personId, startDate: agreement.startDate, endDate: null }, review, 'manual');
          return `Review recorded for person ${agreement.personId}. ${dueText(updated)}`;
        }, 'The review could not be recorded'),
      onRemove: () =>
        change(async (db, { removeAgreement }) => {
          await removeAgreement(db, agreement.key);
          return `The entry for person ${agreement.personId} has been removed.`;
        }, 'The entry could not be removed'),
    });
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
      <FitPrompt findTarget={findFit} start={startFit} onStarted={() => window.close()} />
      <StatusCounts groups={grouped} />

      {adding ? (
        <AddAgreementForm
          onCancel={() => {
            addReturnFocus.current = true;
            setAdding(false);
          }}
          onSave={async (input) => {
            const saved = await change(async (db, { upsertAgreement }) => {
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
            href="overview.html"
            target="_blank"
            data-action="open-overview"
            onClick={(event) => {
              // The team overview, in a tab of its own (it prints and imports the team's backups).
              event.preventDefault();
              void browser.tabs
                .create({ url: browser.runtime.getURL('/overview.html') })
                .then(() => window.close())
                .catch(() => window.open(browser.runtime.getURL('/overview.html')));
            }}
          >
            Team overview
          </a>
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
        database={database.get}
        count={agreements.length}
        today={today}
        dueSoonDays={dueSoonDays}
        importInTab={import.meta.env.FIREFOX ? openImportTab : undefined}
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
            change(async (db, { deleteAll }) => {
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
