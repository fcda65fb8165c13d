/**
 * The team overview (overview.html, opened from the popup): what a team lead must answer in
 * supervision and before an inspection, from the review tracker on this computer, into which
 * the team's backups can be imported. Each figure carries `data-figure` (contract.md, "The team
 * overview"). It prints on A4, and downloads as CSV.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { NoticeBox, noticeMaker, type Notice } from '../Notice';
import { ImportBackup } from '../shared/ImportBackup';
import { downloadText } from '../shared/download';
import { agreements as countOf, STATUS_LABEL, STATUS_ORDER } from '../popup/StatusTag';
import { ChartKey, ReviewChart } from './ReviewChart';
import { formatDate, formatMonth, todayInUk, type IsoDate } from '../../lib/dates';
import { completeSettings, recordLink, type Settings } from '../../lib/settings';
import { loadEffectiveSettings } from '../../lib/platform/settings-store';
import { RULES } from '../../lib/procedure/registry';
import type { TrackerDatabase } from '../../lib/tracker/db';
import { givenDatabase, importPlan, lazyDatabase } from '../../lib/tracker/page-db';
import { trackerProblem } from '../../lib/tracker/problem';
import { readOverviewFacts } from '../../lib/tracker/summary';
import { OVERVIEW_MONTHS, overviewCsv, overviewFromFacts, retentionNote, type Overview, type RuleErrors } from '../../lib/tracker/overview';

export interface OverviewPageProps {
  /** The tracker's database; by default the extension's own. */
  db?: TrackerDatabase;
  /** Today's UK date; by default read from the clock. */
  today?: IsoDate;
  /** The settings; by default read from the extension's storage. */
  settings?: Settings;
}

type Load =
  | { state: 'loading' }
  | { state: 'failed'; reason: string }
  | { state: 'ready'; overview: Overview; settings: Settings };

/** Each rule of the procedure by its ID: what it checks and the paragraphs it comes from. */
const RULE_INFO = new Map(Object.values(RULES).flat().map((rule) => [rule.id, rule]));

export function ruleSummary(rule: string): string {
  return RULE_INFO.get(rule)?.summary ?? `A rule this version of Monitoring Guard does not know (${rule})`;
}

async function readSettings(): Promise<Settings> {
  try {
    return (await loadEffectiveSettings()).settings;
  } catch {
    return completeSettings(undefined);
  }
}

/** The rows each long table shows at first (the page opens fast with thousands); printing shows all. */
export const ROWS_SHOWN = 100;

/** Whether the long tables show every row, and how to ask for them all (then the table `focus` names takes the focus). */
interface Rows {
  all: boolean;
  showAll: (focus: string) => void;
}

function rowsOf<T>(items: readonly T[], rows: Rows): readonly T[] {
  return rows.all || items.length <= ROWS_SHOWN ? items : items.slice(0, ROWS_SHOWN);
}

/** Under a table cut short: how many are shown, and a button for the rest (printed too, without the button). */
function MoreRows({ total, rows, table, name }: { total: number; rows: Rows; table: string; name: string }) {
  if (rows.all || total <= ROWS_SHOWN) return null;
  return (
    <p class="more-rows">
      Showing the first {ROWS_SHOWN} of {total}.{' '}
      <button type="button" class="button button--secondary button--small no-print" onClick={() => rows.showAll(table)}>
        Show all rows<span class="visually-hidden"> of {name}</span>
      </button>{' '}
      The Print button above prints them all. The CSV has them all too.
    </p>
  );
}

/** "1 form", "3 forms". */
const forms = (count: number) => `${count} ${count === 1 ? 'form' : 'forms'}`;

function PersonLink({ id, settings }: { id: string; settings: Settings }) {
  const link = recordLink(settings, id);
  if (link === null) return <>{id}</>;
  return (
    <a href={link} target="_blank" rel="noopener noreferrer">
      {id} <span class="link-note no-print">(opens in new tab)</span>
    </a>
  );
}

export function OverviewPage({ db, today: givenToday, settings: givenSettings }: OverviewPageProps) {
  const database = useMemo(() => (db ? givenDatabase(db) : lazyDatabase()), [db]);
  const notice = useMemo(noticeMaker, []);
  const [shown, setShown] = useState<Notice | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reads, setReads] = useState(0);
  const [allRows, setAllRows] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [focusTable, setFocusTable] = useState<string | null>(null);
  const rows: Rows = useMemo(
    () => ({
      all: allRows,
      showAll: (table: string) => {
        setAllRows(true);
        setFocusTable(table);
      },
    }),
    [allRows],
  );
  // The button that was pressed has gone: the table it showed takes the focus.
  useLayoutEffect(() => {
    if (!focusTable) return;
    document.getElementById(focusTable)?.focus();
    setFocusTable(null);
  }, [focusTable]);
  useEffect(() => () => database.close(), [database]);
  // Read again when the tab is shown again: forms saved in Mosaic meanwhile are counted.
  useEffect(() => {
    const shown = () => {
      if (document.visibilityState === 'visible') setReads((count) => count + 1);
    };
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  }, []);
  // Print once every row is drawn.
  useEffect(() => {
    if (!printing || !allRows) return;
    setPrinting(false);
    window.print();
  }, [printing, allRows]);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [opened, settings] = await Promise.all([database.get(), givenSettings ?? readSettings()]);
        performance.mark('monitoring-guard-overview-opened');
        // The facts kept for the overview beside the entries, not every entry in full.
        const facts = await readOverviewFacts(opened);
        performance.mark('monitoring-guard-overview-read');
        // Today at each reading: a tab left open overnight counts from the new day when shown again.
        const overview = overviewFromFacts(facts, givenToday ?? todayInUk(), settings.dueSoonDays);
        performance.mark('monitoring-guard-overview-worked-out');
        if (live) setLoad({ state: 'ready', overview, settings });
      } catch (error) {
        if (live) setLoad({ state: 'failed', reason: trackerProblem(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [database, givenToday, givenSettings, reads]);

  // Drawn: for the benchmark (a mark) and for tests (the state on <main>).
  useLayoutEffect(() => {
    if (load.state === 'ready') performance.mark('monitoring-guard-overview-drawn');
  }, [load]);

  return (
    <main class="page overview" data-overview-state={load.state}>
      <h1>Team overview</h1>
      <p class="lead">
        Internet-monitoring agreements in the review tracker on this computer, on{' '}
        {formatDate(load.state === 'ready' ? load.overview.today : (givenToday ?? todayInUk()))}.
        {load.state === 'ready' && ` ${countOf(load.overview.agreements)} in all.`}
      </p>
      <NoticeBox notice={shown} />
      {load.state === 'loading' && <p role="status">Reading the review tracker…</p>}
      {load.state === 'failed' && (
        <div class="notice notice--error" role="alert">
          <p>The overview could not be shown: {load.reason}. Nothing has been changed.</p>
          <p>Close this tab and open the overview again from the Monitoring Guard popup. If this keeps happening, tell your IT service desk.</p>
        </div>
      )}
      {load.state === 'ready' && (
        <>
          <div class="top-actions no-print">
            <button
              type="button"
              class="button button--secondary"
              onClick={() => downloadText(`monitoring-guard-team-overview-${load.overview.today}.csv`, overviewCsv(load.overview, ruleSummary, load.settings.retentionDays), 'text/csv')}
            >
              Download as CSV
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setAllRows(true);
                setPrinting(true);
              }}
            >
              Print
            </button>
          </div>
          <StatusSection overview={load.overview} />
          <ReviewsSection overview={load.overview} settings={load.settings} />
          <PastEndSection overview={load.overview} settings={load.settings} rows={rows} />
          <ErrorsSection overview={load.overview} settings={load.settings} rows={rows} />
        </>
      )}
      {load.state !== 'loading' && (
        <section class="section no-print" aria-labelledby="team-heading">
          <h2 id="team-heading">Add your team's backups</h2>
          <p>
            To see the whole team here, ask each worker to download a backup (JSON) from their Monitoring Guard popup, then choose all
            the files at once. Nothing is sent anywhere: the agreements are added to the tracker on this computer.
          </p>
          <ImportBackup
            level={3}
            database={database.get}
            onImport={async (plan) => {
              try {
                await importPlan(database, plan);
                setShown(notice('success', `Backups imported: ${countOf(plan.add.length)} added, ${plan.update.length} updated. The overview below includes them.`));
                setReads((count) => count + 1);
                return true;
              } catch (error) {
                setShown(notice('error', `The backups could not be imported: ${trackerProblem(error)}. The tracker has not been changed.`));
                return false;
              }
            }}
          />
        </section>
      )}
    </main>
  );
}

function StatusSection({ overview }: { overview: Overview }) {
  return (
    <section class="section" aria-labelledby="status-heading">
      <h2 id="status-heading">Agreements by status</h2>
      <ul class="counts counts--wide">
        {STATUS_ORDER.map((status) => (
          <li class={`count count--${status}`} key={status}>
            <span class="count-number" data-figure={status}>
              {overview.counts[status]}
            </span>{' '}
            <span class="count-label">{STATUS_LABEL[status]}</span>
          </li>
        ))}
      </ul>
      <p class="hint">
        Overdue: the next review's due date has passed. Due soon: it is due within the days set in the settings. Ended: a review ended
        monitoring, or the end date has passed.
      </p>
    </section>
  );
}

function ReviewsSection({ overview, settings }: { overview: Overview; settings: Settings }) {
  const { months } = overview;
  return (
    <section class="section" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews in the last {OVERVIEW_MONTHS} months</h2>
      <ul class="figures">
        <li>
          <span class="figure-number" data-figure="reviews-on-time">
            {overview.reviewsOnTime}
          </span>{' '}
          held on time
        </li>
        <li>
          <span class="figure-number" data-figure="reviews-late">
            {overview.reviewsLate}
          </span>{' '}
          held late, after the date the review was due
        </li>
      </ul>
      <p class="hint">
        A review is late when it was held after the date it was due: a month after the agreement started (or the first review date, if
        earlier), then from each review before it as the procedure sets it. {retentionNote(settings.retentionDays)}
      </p>
      <div class="chart-and-table">
        <figure class="chart-figure">
          <ReviewChart months={months} />
          <ChartKey />
        </figure>
        <table class="table table--numbers">
          <caption class="table-caption">Reviews held, by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">On time</th>
              <th scope="col">Late</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.month} data-month={month.month}>
                <th scope="row">{formatMonth(month.month)}</th>
                <td>{month.onTime}</td>
                <td>{month.late}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{overview.reviewsOnTime}</td>
              <td>{overview.reviewsLate}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function PastEndSection({ overview, settings, rows }: { overview: Overview; settings: Settings; rows: Rows }) {
  const { pastEnd } = overview;
  return (
    <section class="section" aria-labelledby="past-end-heading">
      <h2 id="past-end-heading">Past their end date, with no review that ended monitoring</h2>
      <p>
        <span class="figure-number" data-figure="past-end">
          {pastEnd.length}
        </span>{' '}
        {pastEnd.length === 1 ? 'agreement' : 'agreements'}.
        {pastEnd.length > 0 && ' For each, record the review that ended monitoring, or a new agreement if monitoring goes on.'}
      </p>
      {pastEnd.length > 0 && (
        <table class="table" id="past-end-table" tabIndex={-1}>
          <caption class="visually-hidden">Agreements past their end date with no review that ended monitoring</caption>
          <thead>
            <tr>
              <th scope="col">Person ID</th>
              <th scope="col">Agreement start</th>
              <th scope="col">End date</th>
            </tr>
          </thead>
          <tbody>
            {rowsOf(pastEnd, rows).map((entry) => (
              <tr key={entry.key} data-past-end={entry.personId}>
                <td>
                  <PersonLink id={entry.personId} settings={settings} />
                </td>
                <td>{formatDate(entry.startDate)}</td>
                <td>{formatDate(entry.endDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreRows total={pastEnd.length} rows={rows} table="past-end-table" name="agreements past their end date" />
    </section>
  );
}

function RuleTable({ rule, settings, rows }: { rule: RuleErrors; settings: Settings; rows: Rows }) {
  const info = RULE_INFO.get(rule.rule);
  const id = `rule-${rule.rule}`;
  return (
    <div class="rule-errors" data-rule-errors={rule.rule}>
      <h3 id={id}>{ruleSummary(rule.rule)}</h3>
      <p class="hint">
        {forms(rule.forms.length)}. Rule {rule.rule}
        {info ? (info.section === 'all' ? ', all of the procedure' : `, procedure ${info.section}`) : ''}.
      </p>
      <table class="table" id={`${id}-table`} tabIndex={-1}>
        <caption class="visually-hidden">Forms with errors of the rule: {ruleSummary(rule.rule)}</caption>
        <thead>
          <tr>
            <th scope="col">Person ID</th>
            <th scope="col">Form</th>
            <th scope="col">Agreement start or review date</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(rule.forms, rows).map((form) => (
            <tr key={`${form.key}|${form.form}|${form.date}`}>
              <td>
                <PersonLink id={form.personId} settings={settings} />
              </td>
              <td>{form.form === 'agreement' ? 'Written agreement' : 'Agreement review'}</td>
              <td>{formatDate(form.date)}</td>
              <td>{form.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreRows total={rule.forms.length} rows={rows} table={`${id}-table`} name={`forms with errors of the rule ${rule.rule}`} />
    </div>
  );
}

function ErrorsSection({ overview, settings, rows }: { overview: Overview; settings: Settings; rows: Rows }) {
  return (
    <section class="section" aria-labelledby="errors-heading">
      <h2 id="errors-heading">Forms with errors when saved, finished or viewed</h2>
      <p>
        <span class="figure-number" data-figure="finished-with-errors">
          {overview.finishedWithErrors}
        </span>{' '}
        {overview.finishedWithErrors === 1 ? 'form' : 'forms'} (written agreements and reviews) had errors the last time each was saved,
        finished or viewed.
      </p>
      {overview.byRule.map((rule) => (
        <RuleTable key={rule.rule} rule={rule} settings={settings} rows={rows} />
      ))}
      <p class="hint">
        Only the gaps the guard showed are kept: rule IDs and how many, never answers or names. Agreements added by hand, and forms
        recorded before Monitoring Guard kept gaps, have none.
      </p>
    </section>
  );
}

