/**
 * The team overview page: its figures from the tracker (contract.md hooks), person IDs linked to
 * the record, long tables cut to their first rows with a button for all, a tracker that cannot
 * be read said plainly, and several backups imported at once.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { render } from 'preact';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleAfterPaint, waitFor } from '../../test/support/preact';
import { teamAgreements, teamBackups } from '../../test/support/team';
import { OverviewPage, ROWS_SHOWN } from './OverviewPage';
import { TrackerDatabase } from '../../lib/tracker/db';
import { completeSettings } from '../../lib/settings';
import { overviewOf } from '../../lib/tracker/overview';
import { applyImport, planImports } from '../../lib/tracker/transfer';

const sendMessage = vi.hoisted(() => vi.fn(async (_message: unknown) => undefined));
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage } } }));

const TODAY = '2026-12-08';
const SETTINGS = completeSettings({ recordAddress: 'https://mosaic.example.gov.uk/person/{id}' });
let db: TrackerDatabase;
let name: string;
let counter = 0;
let container: HTMLDivElement;

beforeEach(() => {
  name = `overview-page-${++counter}`;
  db = new TrackerDatabase(name);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  render(null, container);
  container.remove();
  db.close();
  await Dexie.delete(name);
});

afterAll(settleAfterPaint);

// Generous: on a busy machine, a tracker of 1,500 agreements takes seconds to write and read in jsdom.
const ready = () => waitFor(() => container.querySelector('main[data-overview-state="ready"]'), 'the overview', 30_000);
const figures = (): Record<string, number> => Object.fromEntries(Array.from(container.querySelectorAll('[data-figure]'), (element) => [element.getAttribute('data-figure'), Number(element.textContent)]));

async function fill(options: Parameters<typeof teamBackups>[0]) {
  const check = await planImports(db, teamBackups(options));
  if (!check.ok) throw new Error(check.errors.join('; '));
  await applyImport(db, check.plan);
}

describe('the team overview page', () => {
  it('shows the figures of the tracker, with person IDs linked to their record', async () => {
    const team = { today: TODAY, agreements: 40, reviews: 120, seed: 8, workers: ['a', 'b'] };
    await fill(team);
    render(<OverviewPage db={db} today={TODAY} settings={SETTINGS} />, container);
    await ready();
    const expected = overviewOf(teamAgreements(team), TODAY, SETTINGS.dueSoonDays);
    expect(figures()).toEqual({
      overdue: expected.counts.overdue, 'due-soon': expected.counts['due-soon'], upcoming: expected.counts.upcoming, ended: expected.counts.ended,
      'reviews-on-time': expected.reviewsOnTime, 'reviews-late': expected.reviewsLate, 'past-end': expected.pastEnd.length, 'finished-with-errors': expected.finishedWithErrors,
    });
    const first = expected.pastEnd[0]!;
    const link = container.querySelector<HTMLAnchorElement>(`[data-past-end="${first.personId}"] a`)!;
    expect(link.href).toBe(`https://mosaic.example.gov.uk/person/${first.personId}`);
    expect(link.textContent).toContain('(opens in new tab)');
    expect(container.querySelector('h1')?.textContent).toBe('Team overview');
    expect(container.textContent).toContain('8 December 2026');
  }, 60_000);

  it('shows the first rows of a long table, and all of them when asked', async () => {
    await fill({ today: TODAY, agreements: 1500, reviews: 1500, seed: 9, workers: ['a'] });
    render(<OverviewPage db={db} today={TODAY} settings={SETTINGS} />, container);
    await ready();
    const pastEnd = figures()['past-end']!;
    expect(pastEnd).toBeGreaterThan(ROWS_SHOWN);
    expect(container.querySelectorAll('[data-past-end]').length).toBe(ROWS_SHOWN);
    expect(container.textContent).toContain(`Showing the first ${ROWS_SHOWN} of ${pastEnd}.`);
    const button = Array.from(container.querySelectorAll('button')).find((candidate) => candidate.textContent === 'Show all rows of agreements past their end date')!;
    button.focus();
    button.click();
    await waitFor(() => container.querySelectorAll('[data-past-end]').length === pastEnd, 'every row', 30_000);
    // The button has gone with the rows it hid: the table takes the focus.
    await waitFor(() => document.activeElement?.id === 'past-end-table', 'the focus on the table');
  }, 120_000);

  it('says plainly when the tracker cannot be read, and shows no figure', async () => {
    const broken = { transaction: () => Promise.reject(new DOMException('gone', 'UnknownError')) } as unknown as TrackerDatabase;
    render(<OverviewPage db={broken} today={TODAY} settings={SETTINGS} />, container);
    await waitFor(() => container.querySelector('main[data-overview-state="failed"]'), 'the failure');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The overview could not be shown');
    expect(container.querySelector('[data-figure]')).toBeNull();
  }, 60_000);

  it('imports several backups at once, then counts them', async () => {
    render(<OverviewPage db={db} today={TODAY} settings={SETTINGS} />, container);
    await ready();
    expect(figures().ended).toBe(0);
    const files = teamBackups({ today: TODAY, agreements: 20, reviews: 60, seed: 10, workers: ['a', 'b', 'c'] });
    const field = container.querySelector<HTMLInputElement>('#import-file')!;
    expect(field.multiple).toBe(true);
    Object.defineProperty(field, 'files', { value: files.map((file) => new File([file.text], file.name, { type: 'application/json' })), configurable: true });
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => container.textContent?.includes('This will add 20 agreements and update 0.'), 'the preview', 30_000);
    Array.from(container.querySelectorAll('button')).find((button) => button.textContent === 'Import')!.click();
    await waitFor(() => container.querySelector('[data-notice="success"]'), 'the success notice', 30_000);
    await waitFor(() => Object.values(figures()).reduce((sum, value) => sum + value, 0) > 0, 'the figures');
    const counts = figures();
    expect(counts.overdue! + counts['due-soon']! + counts.upcoming! + counts.ended!).toBe(20);
  }, 60_000);
});
