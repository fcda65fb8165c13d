/**
 * The import of a backup in its own tab (where Firefox's popup sends it), and the popup's offer
 * of that tab: the same checks and preview as the popup, and nothing written before Import.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { render } from 'preact';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleAfterPaint, waitFor } from '../../test/support/preact';
import { ImportPage } from '../../entrypoints/import/ImportPage';
import { Transfer } from '../popup/Transfer';
import { TrackerDatabase } from '../../lib/tracker/db';
import { TRACKER_CHANGED } from '../../lib/tracker/notify';
import { listAgreements } from '../../lib/tracker/store';
import { exportJson } from '../../lib/tracker/transfer';
import type { TrackedAgreement } from '../../lib/tracker/model';

const sendMessage = vi.hoisted(() => vi.fn(async (_message: unknown) => undefined));
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage } } }));

let db: TrackerDatabase;
let name: string;
let counter = 0;
let container: HTMLDivElement;

beforeEach(() => {
  name = `import-test-${++counter}`;
  db = new TrackerDatabase(name);
  container = document.createElement('div');
  document.body.append(container);
  sendMessage.mockClear();
});

afterEach(async () => {
  render(null, container);
  container.remove();
  db.close();
  await Dexie.delete(name);
});

afterAll(settleAfterPaint);


const text = () => (container.textContent ?? '').replace(/\s+/g, ' ').trim();

function button(label: string): HTMLButtonElement {
  const found = Array.from(container.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === label);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

function choose(content: string, fileName = 'backup.json') {
  const field = container.querySelector<HTMLInputElement>('#import-file')!;
  Object.defineProperty(field, 'files', { value: [new File([content], fileName, { type: 'application/json' })], configurable: true });
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

const NOW = '2026-11-01T10:00:00.000Z';
const entry = (personId: string): TrackedAgreement => ({
  key: `${personId}|2026-11-01`, personId, startDate: '2026-11-01', endDate: null, firstReviewDate: null, frequency: null, reviews: [], source: 'save', createdAt: NOW, updatedAt: NOW,
});

describe('the import tab', () => {
  it('refuses a file that is not a backup, with its reason, and changes nothing', async () => {
    render(<ImportPage db={db} />, container);
    expect(container.querySelector('h1')?.textContent).toBe('Import a backup');
    choose('{"format": "something else"}', 'notes.json');
    await waitFor(() => container.querySelector('.error-summary'), 'the error summary');
    expect(text()).toContain('There is a problem');
    expect(text()).toContain('The file is not a Monitoring Guard tracker backup');
    expect(text()).toContain('notes.json cannot be imported and nothing has changed.');
    expect(await listAgreements(db)).toEqual([]);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('shows what a backup changes, writes nothing until Import, then imports it and tells the background', async () => {
    render(<ImportPage db={db} />, container);
    choose(exportJson([entry('8800001'), entry('8800002')]));
    await waitFor(() => text().includes('This will add 2 agreements and update 0.'), 'the preview');
    expect(await listAgreements(db)).toEqual([]);
    button('Import').click();
    await waitFor(() => container.querySelector('[data-notice="success"]'), 'the success notice');
    expect(text()).toContain('Backup imported: 2 agreements added, 0 updated.');
    expect((await listAgreements(db)).map((agreement) => agreement.personId).sort()).toEqual(['8800001', '8800002']);
    expect(sendMessage).toHaveBeenCalledWith({ type: TRACKER_CHANGED });
    // The preview is gone; the same file again has nothing to import.
    expect(container.querySelector('#import-preview')).toBeNull();
    choose(exportJson([entry('8800001'), entry('8800002')]));
    await waitFor(() => text().includes('Nothing to import'), 'nothing to import');
  });
});

describe("the popup's import where a file cannot be chosen in it (Firefox)", () => {
  it('offers the import in a tab instead of a file box', () => {
    const importInTab = vi.fn();
    render(<Transfer database={() => Promise.resolve(db)} count={0} today="2026-11-25" dueSoonDays={14} onImport={async () => true} importInTab={importInTab} />, container);
    expect(container.querySelector('input[type=file]')).toBeNull();
    button('Import a backup').click();
    expect(importInTab).toHaveBeenCalledTimes(1);
  });

  it('keeps the file box in the popup elsewhere (Chrome and Edge)', () => {
    render(<Transfer database={() => Promise.resolve(db)} count={0} today="2026-11-25" dueSoonDays={14} onImport={async () => true} />, container);
    expect(container.querySelector('input[type=file]#import-file')).not.toBeNull();
    expect(container.querySelector('[data-action="import-in-tab"]')).toBeNull();
  });
});
