/** The popup (jsdom, fake IndexedDB): the list the outside tests read, the search, and what a team lead changes. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { render } from 'preact';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleAfterPaint, waitFor as waitUntil } from '../../test/support/preact';
import { App } from '../../entrypoints/popup/App';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { TrackerDatabase } from '../../lib/tracker/db';
import { TRACKER_CHANGED } from '../../lib/tracker/notify';
import { listAgreements, recordReview, upsertAgreement, type AgreementInput } from '../../lib/tracker/store';
import { exportJson } from '../../lib/tracker/transfer';
import { MORE_ROWS, ROW_LIMIT } from './AgreementList';
import { recordReliability } from '../../test/support/reliability';

const browserMock = vi.hoisted(() => ({
  get: vi.fn(async (_key?: unknown) => ({}) as Record<string, unknown>),
  sendMessage: vi.fn(async (_message: unknown) => undefined),
}));

vi.mock('wxt/browser', () => ({
  browser: {
    storage: { local: { get: browserMock.get } },
    runtime: { sendMessage: browserMock.sendMessage },
  },
}));

const TODAY = '2026-11-25';
let db: TrackerDatabase;
let name: string;
let counter = 0;
let container: HTMLDivElement;

beforeEach(() => {
  name = `popup-test-${++counter}`;
  db = new TrackerDatabase(name);
  container = document.createElement('div');
  document.body.append(container);
  browserMock.get.mockClear();
  browserMock.sendMessage.mockClear();
});

afterEach(async () => {
  render(null, container);
  container.remove();
  db.close();
  await Dexie.delete(name);
});

// Let Preact's last effect timer fire while the window is still here.
afterAll(settleAfterPaint);

const waitFor = <T,>(check: () => T | null | undefined | false, what = 'the popup to show it', timeout?: number) => waitUntil(check, what, timeout);

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const hasText = (phrase: string) => text(container).includes(phrase);

function button(label: string, within: ParentNode = container): HTMLButtonElement {
  const found = Array.from(within.querySelectorAll('button')).find((candidate) => text(candidate) === label);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

function input(id: string): HTMLInputElement {
  const found = container.querySelector<HTMLInputElement>(`#${id}`);
  if (!found) throw new Error(`No input #${id}`);
  return found;
}

function type(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function typeDate(id: string, day: string, month: string, year: string): void {
  type(input(`${id}-day`), day);
  type(input(`${id}-month`), month);
  type(input(`${id}-year`), year);
}

function rows() {
  return Array.from(container.querySelectorAll('[data-person-id]'), (row) => ({
    personId: row.getAttribute('data-person-id'),
    status: row.getAttribute('data-status'),
    due: row.getAttribute('data-due'),
  }));
}

const row = (personId: string) => container.querySelector(`[data-person-id="${personId}"]`);
const groupHeadings = () => Array.from(container.querySelectorAll('.groups h2'), text);

async function show(props: Partial<Parameters<typeof App>[0]> = {}) {
  render(<App db={db} today={TODAY} {...props} />, container);
  await waitFor(() => container.querySelector('[data-person-id]') || hasText('No agreements are tracked yet.') || hasText('could not be read'));
}

function agreement(personId: string, startDate: string, endDate: string | null = null, more: Partial<AgreementInput> = {}): AgreementInput {
  return { personId, startDate, endDate, firstReviewDate: null, frequency: null, ...more };
}

/** Today 25 November 2026, due soon up to 8 December (14 days, today included). */
async function trackSome() {
  await upsertAgreement(db, agreement('1111111', '2026-09-01', '2027-03-01'), 'save'); // due 1 October: overdue
  await upsertAgreement(db, agreement('1111222', '2026-08-15', '2027-02-15'), 'save'); // due 15 September: overdue, first
  await upsertAgreement(db, agreement('2222333', '2026-10-30', '2027-04-30'), 'finish'); // due 30 November: due soon
  await upsertAgreement(db, agreement('3333444', '2026-11-20'), 'view'); // due 20 December: upcoming
  await upsertAgreement(db, agreement('4444555', '2026-01-10', '2026-07-10'), 'save'); // end date passed: ended
  await recordReview(db, { personId: '5555666', startDate: '2026-06-01', endDate: null }, { date: '2026-09-01', outcome: 'endMonitoring', nextReviewDate: null }, 'finish');
}

describe('the popup', () => {
  it('says when nothing is tracked, and how entries appear', async () => {
    await show();
    expect(hasText('No agreements are tracked yet.')).toBe(true);
    expect(
      hasText('An agreement appears here when a written agreement or a review is saved, finished or viewed in Mosaic, or when you add one by hand.'),
    ).toBe(true);
    expect(container.querySelectorAll('[data-person-id]')).toHaveLength(0);
    expect(text(container.querySelector('h1'))).toBe('Monitoring reviews');
    expect(Array.from(container.querySelectorAll('.count'), text)).toEqual(['0 Overdue', '0 Due soon', '0 Upcoming', '0 Ended']);
    // Settings come from the extension's storage when none are given.
    expect(browserMock.get).toHaveBeenCalledWith('settings');
  });

  it('lists agreements in groups, one element each with person ID, status and due date', async () => {
    await trackSome();
    await show();
    expect(rows()).toEqual([
      { personId: '1111222', status: 'overdue', due: '2026-09-15' },
      { personId: '1111111', status: 'overdue', due: '2026-10-01' },
      { personId: '2222333', status: 'due-soon', due: '2026-11-30' },
      { personId: '3333444', status: 'upcoming', due: '2026-12-20' },
      { personId: '4444555', status: 'ended', due: '2026-02-10' },
      { personId: '5555666', status: 'ended', due: '2026-12-01' },
    ]);
    expect(groupHeadings()).toEqual(['Overdue', 'Due soon', 'Upcoming', 'Ended']);
    expect(Array.from(container.querySelectorAll('.count'), text)).toEqual(['2 Overdue', '1 Due soon', '1 Upcoming', '2 Ended']);

    const overdue = text(row('1111111'));
    expect(overdue).toContain('Next review due 1 October 2026');
    expect(overdue).toContain('Agreement ends 1 March 2027');
    expect(text(row('1111111')!.querySelector('.tag'))).toBe('Overdue');
    expect(text(row('2222333')!.querySelector('.tag'))).toBe('Due soon');
    expect(text(row('3333444'))).toContain('No end date recorded');
    expect(text(row('3333444')!.querySelector('.tag'))).toBe('Upcoming');
    expect(text(row('4444555'))).toContain('Agreement ended 10 July 2026');
    expect(text(row('5555666'))).toContain('Last review held 1 September 2026 (End monitoring)');
    // No record address set: the person ID is plain text, with the two actions.
    expect(row('1111111')!.querySelector('a')).toBeNull();
    expect(button('Record a review', row('1111111')!)).toBeDefined();
    expect(button('Remove', row('1111111')!)).toBeDefined();
  });

  it('offers no "Record a review" for an agreement that has ended, only "Remove"', async () => {
    await trackSome();
    await show();
    const buttons = (personId: string) => Array.from(row(personId)!.querySelectorAll('button'), text);
    expect(row('1111111')!.getAttribute('data-status')).toBe('overdue');
    expect(buttons('1111111')).toEqual(['Record a review', 'Remove']);
    // Ended by its end date passing, and by a review that ended monitoring.
    for (const ended of ['4444555', '5555666']) {
      expect(row(ended)!.getAttribute('data-status')).toBe('ended');
      expect(buttons(ended)).toEqual(['Remove']);
      expect(text(row(ended))).toContain('No more reviews are due: monitoring has ended.');
    }
  });

  it('links the person ID to the record, in a new tab, when a record address is set', async () => {
    await trackSome();
    await show({ settings: { ...DEFAULT_SETTINGS, recordAddress: 'https://mosaic.example.gov.uk/person/{id}' } });
    const link = row('2222333')!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://mosaic.example.gov.uk/person/2222333');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(text(link)).toBe('2222333 (opens in new tab)');
  });

  it('filters by person ID as the user types, showing only groups with matches', async () => {
    await trackSome();
    await show();
    type(input('search'), '2223');
    await waitFor(() => rows().length === 1);
    expect(rows()).toEqual([{ personId: '2222333', status: 'due-soon', due: '2026-11-30' }]);
    expect(groupHeadings()).toEqual(['Due soon']);
    expect(hasText('1 agreement matches 2223.')).toBe(true);

    type(input('search'), '1111');
    await waitFor(() => rows().length === 2);
    expect(groupHeadings()).toEqual(['Overdue']);

    type(input('search'), '999');
    await waitFor(() => rows().length === 0);
    expect(hasText('No agreements match person ID 999.')).toBe(true);

    type(input('search'), '');
    await waitFor(() => rows().length === 6);
  });

  it('adds an agreement by hand: errors first, then the entry', async () => {
    await show();
    button('Add an agreement by hand').click();
    await waitFor(() => container.querySelector('#add-person-id'));
    expect(document.activeElement).toBe(input('add-person-id'));

    button('Add agreement').click();
    const summary = await waitFor(() => container.querySelector('.error-summary'));
    expect(text(summary.querySelector('h2'))).toBe('There is a problem');
    expect(Array.from(summary.querySelectorAll('li'), text)).toEqual(['Enter the person ID', 'Enter the agreement start date']);
    expect(summary.querySelector('a')!.getAttribute('href')).toBe('#add-person-id');
    expect(text(container.querySelector('#add-person-id-error'))).toBe('Error: Enter the person ID');
    expect(document.activeElement).toBe(summary);

    type(input('add-person-id'), '12AB');
    typeDate('add-start', '31', '2', '2026');
    button('Add agreement').click();
    await waitFor(() => hasText('Person ID must be a number, like 1234567'));
    expect(hasText('Agreement start date must be a real date')).toBe(true);

    type(input('add-person-id'), '7654321');
    typeDate('add-start', '20', '11', '2026');
    typeDate('add-end', '1', '11', '2026');
    button('Add agreement').click();
    await waitFor(() => hasText('Agreement end date must be after the start date'));
    expect(Array.from(container.querySelectorAll('.error-summary li'), text)).toEqual(['Agreement end date must be after the start date']);
    expect(container.querySelectorAll('[data-person-id]')).toHaveLength(0);

    typeDate('add-end', '20', '5', '2027');
    input('add-frequency-monthly').click();
    button('Add agreement').click();
    await waitFor(() => row('7654321'));
    expect(rows()).toEqual([{ personId: '7654321', status: 'upcoming', due: '2026-12-20' }]);
    expect(hasText('Agreement added for person 7654321. Next review due 20 December 2026.')).toBe(true);
    expect(container.querySelector('#add-person-id')).toBeNull();
    expect(browserMock.sendMessage).toHaveBeenCalledWith({ type: TRACKER_CHANGED });
    const [stored] = await listAgreements(db);
    expect(stored).toMatchObject({ personId: '7654321', startDate: '2026-11-20', endDate: '2027-05-20', frequency: 'monthly', source: 'manual' });
  });

  it('removes an entry only after the user confirms', async () => {
    await trackSome();
    await show();
    const removeButton = button('Remove', row('1111111')!);
    removeButton.click();
    await waitFor(() => hasText('Remove the entry for person 1111111? This cannot be undone.'));
    expect(document.activeElement?.id).toBe('agreement-1111111-2026-09-01-remove-question');
    button('Cancel', row('1111111')!).click();
    await waitFor(() => !hasText('Remove the entry for person 1111111?'));
    expect(document.activeElement).toBe(button('Remove', row('1111111')!));
    expect(rows()).toHaveLength(6);
    expect(browserMock.sendMessage).not.toHaveBeenCalled();

    button('Remove', row('1111111')!).click();
    await waitFor(() => hasText('Remove the entry for person 1111111?'));
    button('Yes, remove', row('1111111')!).click();
    await waitFor(() => !row('1111111'));
    expect(rows()).toHaveLength(5);
    expect(hasText('The entry for person 1111111 has been removed.')).toBe(true);
    expect((await listAgreements(db)).map((item) => item.personId)).not.toContain('1111111');
    expect(browserMock.sendMessage).toHaveBeenCalledWith({ type: TRACKER_CHANGED });
  });

  it('puts the focus back on "Record a review" when the review form is cancelled', async () => {
    await trackSome();
    await show();
    button('Record a review', row('1111111')!).click();
    await waitFor(() => row('1111111')!.querySelector('form'));
    button('Cancel', row('1111111')!).click();
    await waitFor(() => !row('1111111')!.querySelector('form'));
    expect(document.activeElement).toBe(button('Record a review', row('1111111')!));
  });

  it('records a review inline, which moves the due date', async () => {
    await trackSome();
    await show();
    button('Record a review', row('1111111')!).click();
    await waitFor(() => row('1111111')!.querySelector('form'));
    button('Save review', row('1111111')!).click();
    await waitFor(() => hasText('Enter the date the review was held'));
    typeDate('agreement-1111111-2026-09-01-review-held', '20', '11', '2026');
    (row('1111111')!.querySelector('input[value="continue"]') as HTMLInputElement).click();
    button('Save review', row('1111111')!).click();
    await waitFor(() => row('1111111')?.getAttribute('data-due') === '2027-02-20');
    expect(row('1111111')!.getAttribute('data-status')).toBe('upcoming');
    expect(hasText('Review recorded for person 1111111. Next review due 20 February 2027.')).toBe(true);
    const stored = (await listAgreements(db)).find((item) => item.personId === '1111111')!;
    expect(stored.reviews).toMatchObject([{ date: '2026-11-20', outcome: 'continue', nextReviewDate: null, source: 'manual' }]);
  });

  it('shows the first rows of a long group, and all of them on request', async () => {
    const many = Array.from({ length: ROW_LIMIT + 5 }, (_, index) => agreement(String(1_000_000 + index), '2026-05-01'));
    for (const input of many) await upsertAgreement(db, input, 'save');
    await show();
    expect(rows()).toHaveLength(ROW_LIMIT);
    button(`Show all ${ROW_LIMIT + 5}`).click();
    await waitFor(() => rows().length === ROW_LIMIT + 5);
  });

  it('shows a very long group a few hundred rows at a time', async () => {
    const total = ROW_LIMIT + MORE_ROWS + 5;
    await db.transaction('rw', db.agreements, db.summary, async () => {
      for (let index = 0; index < total; index++) await upsertAgreement(db, agreement(String(2_000_000 + index), '2026-05-01'), 'save');
    });
    await show();
    expect(rows()).toHaveLength(ROW_LIMIT);
    button(`Show ${MORE_ROWS} more`).click();
    await waitFor(() => rows().length === ROW_LIMIT + MORE_ROWS);
    expect(hasText(`Showing the first ${ROW_LIMIT + MORE_ROWS} of ${total}, soonest due first.`)).toBe(true);
    button(`Show all ${total}`).click();
    await waitFor(() => rows().length === total);
  });

  it('shows a hostile backup file only as text, and imports nothing from it', async ({ task }) => {
    await trackSome();
    await show();
    const before = await listAgreements(db);
    const hostile = [
      '<img src=x onerror="globalThis.__mgRan=1">',
      '</script><script>globalThis.__mgRan=2</script>',
      '"><svg onload="globalThis.__mgRan=3">',
      '${globalThis.__mgRan=4}',
    ];
    const now = '2026-11-01T10:00:00.000Z';
    const file = JSON.stringify({
      format: 'monitoring-guard-tracker', version: 1, exportedAt: now,
      agreements: hostile.map((text, index) => ({
        key: `${text}|2026-11-01`, personId: text, startDate: '2026-11-01', endDate: null, firstReviewDate: null, frequency: null,
        reviews: [], source: index % 2 ? 'save' : text, createdAt: now, updatedAt: now,
      })),
    });
    const field = input('import-file');
    Object.defineProperty(field, 'files', { value: [new File([file], hostile[0]!, { type: 'application/json' })], configurable: true });
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => container.querySelector('.error-summary'));
    expect(container.querySelectorAll('img, script, svg').length).toBe(0);
    expect(hasText(`${hostile[0]} cannot be imported and nothing has changed.`)).toBe(true);
    expect((globalThis as { __mgRan?: number }).__mgRan).toBeUndefined();
    expect(await listAgreements(db)).toEqual(before);
    recordReliability(task, { hostileInputs: hostile.length + 1 });
  });

  it('checks a backup before importing it, and imports it on request', async () => {
    await show();
    const choose = (content: string) => {
      const file = new File([content], 'backup.json', { type: 'application/json' });
      const field = input('import-file');
      Object.defineProperty(field, 'files', { value: [file], configurable: true });
      field.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('{"format": "something else"}');
    await waitFor(() => container.querySelector('.error-summary'));
    expect(hasText('The file is not a Monitoring Guard tracker backup')).toBe(true);

    const now = '2026-11-01T10:00:00.000Z';
    const backup = exportJson([
      { key: '8800001|2026-11-01', personId: '8800001', startDate: '2026-11-01', endDate: null, firstReviewDate: null, frequency: null, reviews: [], source: 'save', createdAt: now, updatedAt: now },
      { key: '8800002|2026-11-01', personId: '8800002', startDate: '2026-11-01', endDate: null, firstReviewDate: null, frequency: null, reviews: [], source: 'save', createdAt: now, updatedAt: now },
    ]);
    choose(backup);
    await waitFor(() => hasText('This will add 2 agreements and update 0.'));
    expect(container.querySelector('.error-summary')).toBeNull();
    button('Import').click();
    await waitFor(() => rows().length === 2);
    expect(hasText('Backup imported: 2 agreements added, 0 updated.')).toBe(true);
    expect(browserMock.sendMessage).toHaveBeenCalledWith({ type: TRACKER_CHANGED });
  });

  it('downloads CSV and JSON through a link, named by today’s date', async () => {
    await trackSome();
    await show();
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:popup-test');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      button('Download CSV').click();
      await waitFor(() => names.length === 1);
      button('Download backup (JSON)').click();
      await waitFor(() => names.length === 2);
      expect(names).toEqual(['monitoring-reviews-2026-11-25.csv', 'monitoring-reviews-2026-11-25.json']);
      const csv = await (createObjectURL.mock.calls[0]![0] as Blob).text();
      expect(csv.split('\r\n')[0]).toContain('Person ID');
    } finally {
      click.mockRestore();
    }
  });

  it('deletes everything after confirmation', async () => {
    await trackSome();
    await show();
    button('Delete all tracked data').click();
    await waitFor(() => hasText('This deletes every tracked agreement on this computer. It cannot be undone.'));
    button('Yes, delete all').click();
    await waitFor(() => hasText('No agreements are tracked yet.'));
    expect(await listAgreements(db)).toEqual([]);
  });

  it("offers 'Fit a form on this page' where the page's frame has no form recognised, asking which form it is", async () => {
    const target = { tabId: 7, frameId: 3 };
    const startFit = vi.fn(async () => true);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await show({ settings: DEFAULT_SETTINGS, fitTarget: async () => target, startFit });
    const section = await waitFor(() => container.querySelector('[data-fit-prompt]'));
    expect(text(section.querySelector('h2'))).toBe('Fit a form on this page');
    (section.querySelector('[data-action="fit-start"]') as HTMLButtonElement).click();
    await waitFor(() => section.querySelector('.error-summary'));
    expect(text(section.querySelector('.error-summary h3'))).toBe('There is a problem');
    expect(text(section.querySelector('.error-summary li'))).toBe('Select which form this page shows');
    expect(startFit).not.toHaveBeenCalled();
    (section.querySelector('#fit-kind-agreement') as HTMLInputElement).click();
    await settleAfterPaint();
    (section.querySelector('[data-action="fit-start"]') as HTMLButtonElement).click();
    await waitFor(() => startFit.mock.calls.length > 0 && close.mock.calls.length > 0);
    expect(startFit).toHaveBeenCalledWith(target, 'agreement');
    close.mockRestore();
  });

  it('offers no fitting where there is nothing to fit', async () => {
    await show({ settings: DEFAULT_SETTINGS, fitTarget: async () => null });
    await settleAfterPaint();
    expect(container.querySelector('[data-fit-prompt]')).toBeNull();
  });

  it('says plainly when the tracker cannot be read', async () => {
    await trackSome();
    const unavailable = new DOMException('IndexedDB is not available.', 'InvalidStateError');
    vi.spyOn(db.summary, 'get').mockRejectedValue(unavailable);
    vi.spyOn(db.agreements, 'toArray').mockRejectedValue(unavailable);
    await show();
    expect(hasText('The review tracker could not be read: the browser did not let the extension open its storage. Nothing has been deleted.')).toBe(true);
  });

  it('says plainly when the storage is full, and keeps what it had', async () => {
    await trackSome();
    await show();
    const before = await listAgreements(db);
    const put = vi.spyOn(db.agreements, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    button('Record a review', row('1111111')!).click();
    await waitFor(() => row('1111111')!.querySelector('form'));
    typeDate('agreement-1111111-2026-09-01-review-held', '20', '11', '2026');
    (row('1111111')!.querySelector('input[value="continue"]') as HTMLInputElement).click();
    button('Save review', row('1111111')!).click();
    await waitFor(() => hasText('The review could not be recorded: the storage on this computer is full. The tracker has not been changed.'));
    put.mockRestore();
    expect(await listAgreements(db)).toEqual(before);
    expect(rows()).toHaveLength(before.length);
  });
});
