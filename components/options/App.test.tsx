/** The options page (jsdom, a fake of the storage and the browser's permissions): what it shows, checks and saves. */
import axe from 'axe-core';
import { render } from 'preact';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleAfterPaint, waitFor as waitUntil } from '../../test/support/preact';
import { App, type OptionsApi } from '../../entrypoints/options/App';
import type { FormProfile } from '../../lib/forms/profile';
import { agreementProfile } from '../../lib/forms/profiles';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

// The page is given a fake of everything it reads and writes: the browser itself must not be touched.
const browserMock = vi.hoisted(() => {
  const untouched = (what: string) => () => {
    throw new Error(`The options page used ${what} in a test`);
  };
  return {
    storage: { local: { get: untouched('storage.local.get'), set: untouched('storage.local.set') }, onChanged: { addListener: untouched('storage.onChanged') } },
    permissions: { contains: untouched('permissions.contains'), request: untouched('permissions.request'), remove: untouched('permissions.remove') },
  };
});
vi.mock('wxt/browser', () => ({ browser: browserMock }));

interface FakeStart {
  settings?: Partial<Settings>;
  managed?: Array<keyof Settings>;
  imported?: unknown;
  managedProfiles?: unknown;
  profileErrors?: string[];
  allowed?: string[];
  /** What the browser's prompt answers. */
  grant?: boolean;
}

/** The extension's storage, the policy and the permissions, in memory, behind the page's api. */
function fake(start: FakeStart = {}) {
  const state = {
    settings: { ...DEFAULT_SETTINGS, ...start.settings } as Settings,
    managed: new Set<keyof Settings>(start.managed ?? []),
    imported: start.imported ?? ([] as unknown),
    managedProfiles: start.managedProfiles ?? ([] as unknown),
    profileErrors: start.profileErrors ?? [],
    allowed: new Set(start.allowed ?? []),
    grant: start.grant ?? true,
  };
  let listener: (() => void) | null = null;
  const effective = () => ({ settings: structuredClone(state.settings), managed: new Set(state.managed) });
  const api = {
    loadEffectiveSettings: vi.fn(async () => effective()),
    saveSettings: vi.fn(async (changes: Partial<Settings>) => {
      for (const [name, value] of Object.entries(changes)) {
        if (!state.managed.has(name as keyof Settings)) Object.assign(state.settings, { [name]: value });
      }
      return effective();
    }),
    onSettingsChanged: vi.fn((callback: () => void) => {
      listener = callback;
      return () => {
        listener = null;
      };
    }),
    loadStoredProfiles: vi.fn(async () => ({ imported: state.imported, managed: state.managedProfiles })),
    saveImportedProfiles: vi.fn(async (profiles: FormProfile[]) => {
      state.imported = profiles;
    }),
    loadProfileErrors: vi.fn(async () => state.profileErrors),
    isHostAllowed: vi.fn(async (origin: string) => state.allowed.has(origin)),
    onHostsChanged: vi.fn((_callback: () => void) => () => {}),
    requestHost: vi.fn(async (origin: string) => {
      if (state.grant) state.allowed.add(origin);
      return state.grant;
    }),
    releaseHost: vi.fn(async (origin: string) => {
      state.allowed.delete(origin);
    }),
    download: vi.fn((_fileName: string, _text: string) => {}),
  } satisfies OptionsApi;
  return { api, state, fireChanged: () => listener?.() };
}

let container: HTMLDivElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

// Let Preact's last effect timer fire while the window is still here.
afterAll(settleAfterPaint);

const waitFor = <T,>(check: () => T | null | undefined | false, what = 'the page to show it', timeout?: number) => waitUntil(check, what, timeout);

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const hasText = (phrase: string) => text(container).includes(phrase);

/** A button by its visible words (a hidden suffix, like the address it is for, left out). */
function button(label: string, within: ParentNode = container): HTMLButtonElement {
  const found = Array.from(within.querySelectorAll('button')).find((candidate) => {
    const visible = Array.from(candidate.childNodes)
      .filter((node) => !(node instanceof HTMLElement && node.classList.contains('visually-hidden')))
      .map((node) => node.textContent)
      .join('');
    return visible.trim() === label;
  });
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

function field<T extends HTMLElement = HTMLInputElement>(id: string): T {
  const found = container.querySelector<T>(`#${id}`);
  if (!found) throw new Error(`No field #${id}`);
  return found;
}

function type(id: string, value: string): void {
  const input = field(id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(id: string, value: string): void {
  const select = field<HTMLSelectElement>(id);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function chooseFile(content: string, name = 'profiles.json'): void {
  const input = field('profile-file');
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'application/json' })], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const summaryItems = () => Array.from(container.querySelectorAll('.error-summary li'), text);
const address = (origin: string) => container.querySelector(`[data-address="${origin}"]`);

async function show(api: OptionsApi) {
  render(<App api={api} />, container);
  await waitFor(() => container.querySelector('#addresses-title'), 'the settings to load');
}

/** A council's own review form: a valid profile. */
const councilReview = {
  id: 'acme-review',
  kind: 'review',
  title: 'Acme monitoring review',
  questions: [
    { name: 'reviewDate', type: 'date', label: 'Date of review' },
    { name: 'outcome', type: 'choice', label: 'Outcome', answers: [{ value: 'continue', label: 'Continue' }] },
  ],
};

describe('the options page', () => {
  it('shows a setting the organisation set, with its value, marked and disabled', async () => {
    const { api } = fake({
      settings: { dueSoonDays: 30, role: 'manager', mosaicAddresses: ['https://mosaic.council.gov.uk'], allowFitting: false },
      managed: ['dueSoonDays', 'role', 'mosaicAddresses', 'allowFitting'],
    });
    await show(api);
    expect(text(container.querySelector('h1'))).toBe('Monitoring Guard settings');

    const dueSoon = field('due-soon-days');
    expect(dueSoon.value).toBe('30');
    expect(dueSoon.disabled).toBe(true);
    expect(dueSoon.getAttribute('aria-describedby')).toBe('due-soon-days-hint due-soon-days-managed');
    expect(text(field('due-soon-days-managed'))).toBe('Set by your organisation');
    expect(text(container.querySelector('[data-setting="role"]'))).toContain('Set by your organisation');
    expect(field('role-manager').checked).toBe(true);
    expect(Array.from(container.querySelectorAll<HTMLInputElement>('input[name="role"]')).every((radio) => radio.disabled)).toBe(true);
    const fitting = field('allow-fitting');
    expect(fitting.checked).toBe(false);
    expect(fitting.disabled).toBe(true);
    expect(fitting.getAttribute('aria-describedby')).toBe('allow-fitting-hint allow-fitting-managed');
    expect(text(field('allow-fitting-managed'))).toBe('Set by your organisation');
    // The rest stays the user's to change.
    expect(field('max-agreement-months').disabled).toBe(false);
    expect(container.querySelector('#max-agreement-months-managed')).toBeNull();
    expect(field('reminders').disabled).toBe(false);
    expect(container.querySelector('#reminders-managed')).toBeNull();

    // The organisation's address, not yet allowed: listed, with Allow and no Remove.
    const row = address('https://mosaic.council.gov.uk')!;
    expect(text(row)).toContain('Set by your organisation');
    expect(text(row)).toContain('Not allowed yet');
    expect(text(row)).toContain('Your organisation added this address. Select Allow so the guard can check forms there.');
    expect(() => button('Remove', row)).toThrow();
    expect(field('mosaic-address').disabled).toBe(true);

    button('Allow', row).click();
    expect(api.requestHost).toHaveBeenCalledWith('https://mosaic.council.gov.uk');
    await waitFor(() => address('https://mosaic.council.gov.uk')?.getAttribute('data-allowed') === 'true');
    expect(text(address('https://mosaic.council.gov.uk'))).toContain('Allowed');
    expect(hasText('https://mosaic.council.gov.uk is now allowed.')).toBe(true);
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('checks the settings before saving, with a summary linking to each field', async () => {
    const { api } = fake();
    await show(api);
    type('due-soon-days', '91');
    type('max-agreement-months', '6.5');
    type('retention-days', '');
    type('record-address', 'https://mosaic.example.gov.uk/person/');
    button('Save settings').click();

    const summary = await waitFor(() => container.querySelector('.error-summary'));
    expect(text(summary.querySelector('h2'))).toBe('There is a problem');
    expect(summaryItems()).toEqual([
      'The due-soon window must be a whole number from 0 to 90',
      'The longest agreement must be a whole number of months from 1 to 24',
      'Enter how many days to keep ended agreements',
      "Enter the address of a person's record with {id} where the person ID goes, like https://mosaic.example.gov.uk/person/{id}",
    ]);
    expect(Array.from(summary.querySelectorAll('a'), (link) => link.getAttribute('href'))).toEqual([
      '#due-soon-days',
      '#max-agreement-months',
      '#retention-days',
      '#record-address',
    ]);
    expect(text(field('due-soon-days-error'))).toBe('Error: The due-soon window must be a whole number from 0 to 90');
    expect(field('due-soon-days').getAttribute('aria-describedby')).toBe('due-soon-days-hint due-soon-days-error');
    expect(document.activeElement).toBe(summary);
    // What was typed stays, to be corrected.
    expect(field('due-soon-days').value).toBe('91');
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(hasText('Your settings have been saved')).toBe(false);
  });

  it('saves the settings that changed, and none the organisation set', async () => {
    const { api, state } = fake({ settings: { maxAgreementMonths: 3 }, managed: ['maxAgreementMonths'] });
    await show(api);
    // Offered by default, last in the form, the user's to change.
    const fitting = field('allow-fitting');
    expect(fitting.checked).toBe(true);
    expect(fitting.disabled).toBe(false);
    expect(text(container.querySelector('label[for="allow-fitting"]'))).toBe('Offer to fit forms in the page');
    expect(text(field<HTMLParagraphElement>('allow-fitting-hint'))).toBe(
      "Shows a 'Fit this form' button when the guard cannot find some of a form's questions, so that the person who looks after your council's Mosaic forms can match them. Your organisation may switch this off.",
    );
    expect(fitting.getAttribute('aria-describedby')).toBe('allow-fitting-hint');
    expect(container.querySelector('#allow-fitting-managed')).toBeNull();
    const settingsOrder = Array.from(container.querySelectorAll('.settings-form [data-setting]'), (element) => element.getAttribute('data-setting'));
    expect(settingsOrder.at(-1)).toBe('allowFitting');
    field('role-teamLead').click();
    type('due-soon-days', ' 21 ');
    type('retention-days', '365');
    field('reminders').click();
    choose('reminder-hour', '7');
    type('record-address', 'https://mosaic.example.gov.uk/person/{id}');
    field('allow-fitting').click();
    button('Save settings').click();

    const saved = await waitFor(() => container.querySelector('[data-notice="success"]'));
    expect(text(saved)).toBe('Your settings have been saved');
    expect(saved.getAttribute('role')).toBe('status');
    expect(api.saveSettings).toHaveBeenCalledTimes(1);
    expect(api.saveSettings).toHaveBeenCalledWith({
      role: 'teamLead',
      dueSoonDays: 21,
      retentionDays: 365,
      reminders: false,
      reminderHour: 7,
      recordAddress: 'https://mosaic.example.gov.uk/person/{id}',
      allowFitting: false,
    });
    expect(state.settings.maxAgreementMonths).toBe(3);
    expect(state.settings.allowFitting).toBe(false);
    await waitFor(() => field('due-soon-days').value === '21');
    expect(field<HTMLSelectElement>('reminder-hour').value).toBe('7');
    expect(field<HTMLSelectElement>('reminder-hour').selectedOptions[0]!.textContent).toBe('07:00');
    expect(field('allow-fitting').checked).toBe(false);
  });

  it('says what to do when the address typed is not a Mosaic address, and asks the browser nothing', async () => {
    const { api } = fake();
    await show(api);
    expect(hasText('No Mosaic addresses have been added yet.')).toBe(true);
    type('mosaic-address', 'http://mosaic.example.gov.uk');
    button('Add address').click();
    const summary = await waitFor(() => container.querySelector('.error-summary'));
    expect(text(summary.querySelector('h3'))).toBe('There is a problem');
    expect(summaryItems()).toEqual(['Enter a Mosaic address, like https://mosaic.example.gov.uk']);
    expect(summary.querySelector('a')!.getAttribute('href')).toBe('#mosaic-address');
    expect(text(field('mosaic-address-error'))).toBe('Error: Enter a Mosaic address, like https://mosaic.example.gov.uk');
    expect(api.requestHost).not.toHaveBeenCalled();
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('asks the browser for an address in the click itself, then saves it', async () => {
    const { api, state } = fake({ settings: { mosaicAddresses: ['https://old.example.gov.uk'] }, allowed: ['https://old.example.gov.uk'] });
    await show(api);
    type('mosaic-address', ' mosaic.example.gov.uk/person/123 ');
    button('Add address').click();
    // Nothing awaited before the request: the browser shows its prompt only from a user gesture.
    expect(api.requestHost).toHaveBeenCalledWith('https://mosaic.example.gov.uk');
    expect(api.saveSettings).not.toHaveBeenCalled();

    await waitFor(() => address('https://mosaic.example.gov.uk'));
    expect(api.saveSettings).toHaveBeenCalledWith({ mosaicAddresses: ['https://old.example.gov.uk', 'https://mosaic.example.gov.uk'] });
    expect(state.settings.mosaicAddresses).toEqual(['https://old.example.gov.uk', 'https://mosaic.example.gov.uk']);
    expect(address('https://mosaic.example.gov.uk')!.getAttribute('data-allowed')).toBe('true');
    expect(hasText('https://mosaic.example.gov.uk has been added.')).toBe(true);
    expect(field('mosaic-address').value).toBe('');
  });

  it('adds nothing when the user refuses the browser’s prompt', async () => {
    const { api } = fake({ grant: false });
    await show(api);
    type('mosaic-address', 'https://mosaic.example.gov.uk');
    button('Add address').click();
    expect(api.requestHost).toHaveBeenCalledWith('https://mosaic.example.gov.uk');
    await waitFor(() => container.querySelector('.error-summary'));
    expect(summaryItems()).toEqual(['Monitoring Guard can only check forms on an address you allow. The address was not added.']);
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('removes an address, then gives back its permission', async () => {
    const { api, state } = fake({
      settings: { mosaicAddresses: ['https://a.example.gov.uk', 'https://b.example.gov.uk'] },
      allowed: ['https://a.example.gov.uk', 'https://b.example.gov.uk'],
    });
    await show(api);
    button('Remove', address('https://a.example.gov.uk')!).click();
    await waitFor(() => !address('https://a.example.gov.uk'));
    expect(api.saveSettings).toHaveBeenCalledWith({ mosaicAddresses: ['https://b.example.gov.uk'] });
    expect(api.releaseHost).toHaveBeenCalledWith('https://a.example.gov.uk');
    expect(api.saveSettings.mock.invocationCallOrder[0]!).toBeLessThan(api.releaseHost.mock.invocationCallOrder[0]!);
    expect(state.allowed.has('https://a.example.gov.uk')).toBe(false);
    expect(hasText('https://a.example.gov.uk has been removed.')).toBe(true);
  });

  it('shows every problem of a broken profile file, with where it is, and saves nothing', async () => {
    const { api } = fake();
    await show(api);
    const broken = {
      ...councilReview,
      title: '',
      questions: [councilReview.questions[0], { name: 'outcome', type: 'choice', label: 'Outcome' }, { name: 'notes', type: 'essay', label: 'Notes' }],
    };
    chooseFile(JSON.stringify(broken), 'acme.json');
    const summary = await waitFor(() => container.querySelector('.error-summary'));
    expect(text(summary.querySelector('h3'))).toBe('There is a problem');
    const errors = summaryItems();
    expect(errors).toContain('title: must not be empty');
    expect(errors).toContain('questions 2 (outcome) answers: is needed for a choice question');
    expect(errors.some((error) => error.startsWith('questions 3 (notes) type: must be one of'))).toBe(true);
    expect(summary.querySelector('a')!.getAttribute('href')).toBe('#profile-file');
    expect(text(field('profile-file-error'))).toContain('acme.json was not imported and nothing has changed');
    expect(api.saveImportedProfiles).not.toHaveBeenCalled();

    chooseFile('{ not json', 'acme.json');
    await waitFor(() => summaryItems()[0]?.startsWith('The file is not valid JSON'));
    expect(api.saveImportedProfiles).not.toHaveBeenCalled();
  });

  it('imports good profiles, replacing an import with the same id', async () => {
    const older = { ...councilReview, title: 'Acme review (old)' };
    const other = { ...councilReview, id: 'acme-other', title: 'Acme other review' };
    const { api } = fake({ imported: [older, other] });
    await show(api);
    expect(text(container.querySelector('[data-profiles="imported"]'))).toContain('Acme review (old)');

    const decision = { ...councilReview, id: 'acme-decision', kind: 'decision', title: 'Acme decision', questions: [{ name: 'decisionDate', type: 'date', label: 'Date of decision' }] };
    chooseFile(JSON.stringify([councilReview, decision]), 'acme.json');
    await waitFor(() => hasText('Imported 2 profiles'));
    expect(api.saveImportedProfiles).toHaveBeenCalledWith([other, councilReview, decision]);
    expect(container.querySelector('.error-summary')).toBeNull();
    await waitFor(() => container.querySelector('[data-profiles="imported"] [data-profile-id="acme-decision"]'));
    const rows = Array.from(container.querySelectorAll('[data-profiles="imported"] [data-profile-id]'), (row) => row.getAttribute('data-profile-id'));
    expect(rows).toEqual(['acme-other', 'acme-review', 'acme-decision']);
    expect(text(container.querySelector('[data-profiles="imported"] [data-profile-id="acme-review"]'))).toContain('Acme monitoring review');
    expect(text(container.querySelector('[data-profiles="imported"] [data-profile-id="acme-review"]'))).toContain('2 questions');

    button('Remove', container.querySelector('[data-profiles="imported"] [data-profile-id="acme-other"]')!).click();
    await waitFor(() => !container.querySelector('[data-profile-id="acme-other"]'));
    expect(api.saveImportedProfiles).toHaveBeenLastCalledWith([councilReview, decision]);
  });

  it('lists the built-in and the organisation’s profiles, exports them, and warns of the organisation’s errors', async () => {
    const { api } = fake({
      managedProfiles: [{ ...councilReview, id: 'county-review', title: 'County review' }],
      profileErrors: ['Profiles set by your organisation: Profile 2, questions 1 (reviewDate) label: must not be empty'],
    });
    await show(api);
    const builtIn = container.querySelector('[data-profiles="builtIn"]')!;
    expect(Array.from(builtIn.querySelectorAll('[data-profile-id]'), (row) => row.getAttribute('data-profile-id'))).toEqual([
      'reference-decision',
      'reference-agreement',
      'reference-review',
    ]);
    const agreementRow = builtIn.querySelector('[data-profile-id="reference-agreement"]')!;
    expect(text(agreementRow)).toContain('Written agreement');
    expect(text(agreementRow)).toContain(`${agreementProfile.questions.length} questions`);
    expect(() => button('Remove', agreementRow)).toThrow();

    button('Export', agreementRow).click();
    expect(api.download).toHaveBeenCalledTimes(1);
    const [fileName, json] = api.download.mock.calls[0]!;
    expect(fileName).toBe('reference-agreement.json');
    expect(JSON.parse(json)).toEqual(agreementProfile);

    const managedRow = container.querySelector('[data-profiles="managed"] [data-profile-id="county-review"]')!;
    expect(text(managedRow)).toContain('Set by your organisation');
    expect(() => button('Remove', managedRow)).toThrow();
    expect(text(container.querySelector('[data-profile-errors]'))).toContain(
      'Profiles set by your organisation: Profile 2, questions 1 (reviewDate) label: must not be empty',
    );
  });

  it('reads everything again when the settings or the policy change', async () => {
    const { api, state, fireChanged } = fake();
    await show(api);
    expect(field('due-soon-days').disabled).toBe(false);
    state.settings.dueSoonDays = 45;
    state.managed.add('dueSoonDays');
    fireChanged();
    await waitFor(() => field('due-soon-days').disabled);
    expect(field('due-soon-days').value).toBe('45');
    expect(text(field('due-soon-days-managed'))).toBe('Set by your organisation');
  });

  it('has no accessibility violations axe-core finds without layout (WCAG 2.2 AA), errors and policy shown', async () => {
    const { api } = fake({
      settings: { role: 'manager', mosaicAddresses: ['https://mosaic.council.gov.uk'] },
      managed: ['role', 'mosaicAddresses'],
      imported: [councilReview],
      managedProfiles: [{ ...councilReview, id: 'county-review', title: 'County review' }],
      profileErrors: ['Imported profiles: questions 1 (reviewDate) label: must not be empty'],
    });
    await show(api);
    type('due-soon-days', '100');
    button('Save settings').click();
    await waitFor(() => container.querySelector('.error-summary'));
    chooseFile('[]', 'empty.json');
    await waitFor(() => hasText('The file holds no profile.'));
    const result = await axe.run(container, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
  });
});
