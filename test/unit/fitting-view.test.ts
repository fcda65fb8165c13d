/** Fitting a council's form in the page (jsdom): the guard's fitting view, its hooks (contract.md), Save and Export, and what it refuses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Guard } from '../../lib/guard/guard';
import type { FormProfile } from '../../lib/forms/profile';
import { builtInProfiles } from '../../lib/forms/profiles';
import { parseProfileJson } from '../../lib/forms/profile-schema';
import { fieldNames } from '../../lib/model/vocabulary';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { FIXTURES_DIR } from '../support/fixtures';

let dom: JSDOM | null = null;
let guard: Guard | null = null;

afterEach(() => {
  guard?.stop();
  dom?.window.close();
  guard = dom = null;
});

function open(file: string, options: Partial<ConstructorParameters<typeof Guard>[1]> = {}) {
  dom = new JSDOM(readFileSync(join(FIXTURES_DIR, file), 'utf8'), { url: `http://localhost/${file}`, pretendToBeVisual: true });
  const saved: FormProfile[] = [];
  const downloads: Array<{ name: string; text: string }> = [];
  guard = new Guard(dom.window.document, {
    profiles: builtInProfiles,
    settings: DEFAULT_SETTINGS,
    today: () => '2026-12-03',
    saveProfile: async (profile) => {
      saved.push(profile);
      return { ok: true };
    },
    download: (name, text) => downloads.push({ name, text }),
    // In the page, the fitting's own script (fitting.js); here, its module.
    loadFitting: () => import('../../lib/guard/fit-controller'),
    ...options,
  });
  guard.start();
  const doc = dom.window.document;
  const root = () => doc.querySelector('monitoring-guard')!.shadowRoot!;
  return { doc, root, saved, downloads };
}

const change = (select: HTMLSelectElement, value: string) => {
  select.value = value;
  select.dispatchEvent(new select.ownerDocument.defaultView!.Event('change', { bubbles: true }));
};
const optionValue = (select: HTMLSelectElement, text: string) => Array.from(select.options).find((option) => option.text === text)!.value;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Selects "Fit this form" and waits for the fitting view (its code is loaded when asked for). */
async function startFit(root: () => ShadowRoot, button = '[data-action="fit-form"]'): Promise<void> {
  root().querySelector<HTMLButtonElement>(button)!.click();
  for (let tries = 0; !root().querySelector('[data-fit-question]'); tries++) {
    if (tries > 200) throw new Error('The fitting view did not open');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the fitting view', () => {
  it('is offered where questions are not found, lists every question of the form with the best guess, and saves a fitting the guard uses at once', async () => {
    const { doc, root, saved } = open('fitting/agreement-own-words.html');
    expect(root().querySelectorAll('[data-field][data-rule]').length).toBeGreaterThan(0);
    expect(root().querySelector<HTMLButtonElement>('[data-action="fit-form"]')).not.toBeNull();
    await startFit(root);
    const questions = Array.from(root().querySelectorAll('[data-fit-question]'), (element) => element.getAttribute('data-fit-question'));
    expect(questions).toEqual(fieldNames('agreement'));
    const select = (field: string) => root().querySelector<HTMLSelectElement>(`[data-fit-question="${field}"] select`)!;
    expect(select('signedBy').selectedOptions[0]!.text).toBe('Who signed the agreement?');
    expect(select('firstReviewDate').selectedOptions[0]!.text).toBe('First review to be held by');
    expect(select('signedBy').options[0]).toMatchObject({ value: '', text: 'Not on this form' });
    const answer = (key: string) => root().querySelector<HTMLSelectElement>(`[data-fit-answer="${key}"] select`)!;
    expect(answer('signedBy:corporateParent').selectedOptions[0]!.text).toBe('The council as corporate parent');
    expect(root().querySelector('[data-fit-preview]')!.textContent).toMatch(/finds all 16 questions you matched, and shows 0 errors and 1 warning/);

    root().querySelector<HTMLButtonElement>('[data-action="fit-save"]')!.click();
    await flush();
    await flush();
    expect(saved).toHaveLength(1);
    expect(parseProfileJson(JSON.stringify(saved[0])).ok).toBe(true);
    const host = doc.querySelector('monitoring-guard')!;
    expect(host.hasAttribute('data-fitting')).toBe(false);
    expect(root().querySelector('[data-fit-question]')).toBeNull();
    expect(root().querySelectorAll('[data-field="signedBy"], [data-field="firstReviewDate"], [data-field="reviewFrequency"]')).toHaveLength(0);
    expect(host.getAttribute('data-errors')).toBe('0');
    expect(root().querySelector('[data-fit-note]')!.textContent).toMatch(/saved on this computer/);
    expect(root().querySelector('[data-action="fit-form"]')).toBeNull();
    // Every worker, and a manager at sign-off, sees that the form is read with a fitting; it can be fitted again.
    expect(root().querySelector('[data-fitted]')!.textContent).toMatch(/^Read with your council's fitting of this form\./);
    expect(root().querySelector('[data-action="fit-again"]')).not.toBeNull();
  });

  it('holds back Finish with errors while fitting, as ever, over the fitting view', async () => {
    const { doc, root } = open('fitting/agreement-own-words.html');
    await startFit(root);
    const finish = Array.from(doc.querySelectorAll('button')).find((button) => button.textContent!.trim() === 'Finish')!;
    finish.click();
    expect(root().querySelector('[data-fit-question]')).not.toBeNull();
    expect(root().querySelector('dialog')).not.toBeNull();
  });

  it('refuses a fitting that cannot work with "There is a problem", and saves nothing', async () => {
    const { root, saved, downloads } = open('fitting/agreement-own-words.html');
    await startFit(root);
    const select = (field: string) => root().querySelector<HTMLSelectElement>(`[data-fit-question="${field}"] select`)!;
    change(select('firstReviewDate'), optionValue(select('firstReviewDate'), 'Agreement end date'));
    const answer = root().querySelector<HTMLSelectElement>('[data-fit-answer="signedBy:corporateParent"] select')!;
    change(answer, '');
    root().querySelector<HTMLButtonElement>('[data-action="fit-save"]')!.click();
    root().querySelector<HTMLButtonElement>('[data-action="fit-export"]')!.click();
    await flush();
    const summary = root().querySelector('.error-summary')!;
    expect(summary.querySelector('h3')!.textContent).toBe('There is a problem');
    expect(Array.from(summary.querySelectorAll('li'), (item) => item.textContent)).toEqual([
      "The answer 'The council as corporate parent' of 'Who signed the agreement?' is not matched to any answer of 'Agreement signed by': choose which answer it means",
      "'Agreement end date' and 'Date of first review' are both matched to the page's question 'Agreement end date': match each to its own question, or one of them to 'Not on this form'",
    ]);
    expect(saved).toEqual([]);
    expect(downloads).toEqual([]);
    // Each error links to its control, which the view marks too.
    expect(Array.from(summary.querySelectorAll('a'), (link) => link.getAttribute('href'))).toEqual(['#mg-fit-signedBy-youngPerson', '#mg-fit-firstReviewDate']);
    expect(root().getElementById('mg-fit-firstReviewDate')).not.toBeNull();
    expect(root().querySelector('[data-fit-question="firstReviewDate"] .mg-error-message')!.textContent).toMatch(/both matched/);
  });

  it('exports the fitted profile as a file the profile import accepts', async () => {
    const { root, downloads } = open('fitting/agreement-own-words.html');
    await startFit(root);
    root().querySelector<HTMLButtonElement>('[data-action="fit-export"]')!.click();
    await flush();
    expect(downloads.map((download) => download.name)).toEqual(['fitted-agreement-internet-monitoring-written-agreement.json']);
    const result = parseProfileJson(downloads[0]!.text);
    expect(result.ok && result.profiles[0]!.questions.find((question) => question.name === 'signedBy')!.label).toBe('Who signed the agreement?');
    expect(root().querySelector('[data-fit-notice]')!.textContent).toMatch(/^Downloading fitted-agreement/);
  });

  it('chooses a question by a click in the page, which does nothing else there', async () => {
    const { doc, root } = open('fitting/agreement-own-words.html');
    await startFit(root);
    const select = (field: string) => root().querySelector<HTMLSelectElement>(`[data-fit-question="${field}"] select`)!;
    change(select('stepDownPlan'), '');
    root().querySelector<HTMLButtonElement>('[data-fit-question="stepDownPlan"] .mg-fit-pick')!.click();
    expect(root().querySelector('[data-fit-picking="stepDownPlan"]')).not.toBeNull();
    const label = Array.from(doc.querySelectorAll('label')).find((element) => element.textContent!.startsWith('How monitoring will be reduced'))!;
    const clicked = vi.fn();
    label.addEventListener('click', clicked);
    label.click();
    expect(clicked).not.toHaveBeenCalled();
    expect(root().querySelector('[data-fit-picking]')).toBeNull();
    expect(select('stepDownPlan').selectedOptions[0]!.text).toBe('How monitoring will be reduced over the agreed period');
  });

  it("keeps a question chosen in a section that then closes, and offers no fitting again for a question 'Not on this form'", async () => {
    const { doc, root, saved } = open('fitting/agreement-own-words.html');
    await startFit(root);
    const select = (field: string) => root().querySelector<HTMLSelectElement>(`[data-fit-question="${field}"] select`)!;
    change(select('stepDownPlan'), '');
    // The Review section goes away (a form showing one section at a time), then the page is read again.
    const review = Array.from(doc.querySelectorAll('label')).find((element) => element.textContent!.startsWith('First review to be held by'))!;
    const section = review.closest('fieldset, section, .section, div')!;
    const kept = section.cloneNode(true);
    section.replaceChildren();
    guard!.update();
    expect(select('firstReviewDate').selectedOptions[0]!.text).toBe('First review to be held by');
    expect(root().querySelector('[data-fit-question="firstReviewDate"] .mg-hint')!.textContent).toMatch(/Not on the page now/);
    // A set of checkboxes stays the set, not its first checkbox, when the page is read again.
    expect(select('reviewAttendees').selectedOptions[0]!.text).toBe('Who will attend reviews?');
    section.replaceWith(kept);
    guard!.update();
    root().querySelector<HTMLButtonElement>('[data-action="fit-save"]')!.click();
    await flush();
    await flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.questions.find((question) => question.name === 'firstReviewDate')!.label).toBe('First review to be held by');
    // stepDownPlan is not on this form: the guard says so, and does not offer fitting for it again.
    expect(root().querySelector('[data-field="stepDownPlan"]')!.textContent).toMatch(/does not ask/);
    expect(root().querySelector('[data-action="fit-form"]')).toBeNull();
  });

  it('says so in the panel when the fitting cannot be loaded, and changes nothing', async () => {
    const { root } = open('fitting/agreement-own-words.html', { loadFitting: () => Promise.reject(new Error('Could not load file: fitting.js')) });
    const gaps = root().querySelectorAll('[data-field][data-rule]').length;
    root().querySelector<HTMLButtonElement>('[data-action="fit-form"]')!.click();
    for (let tries = 0; !root().querySelector('[data-fit-note]'); tries++) {
      if (tries > 200) throw new Error('No note');
      await flush();
    }
    expect(root().querySelector('[data-fit-note]')!.textContent).toContain('The fitting could not be opened (Could not load file: fitting.js). Reload the page to try again.');
    expect(root().querySelector('[data-fit-question]')).toBeNull();
    expect(root().querySelectorAll('[data-field][data-rule]').length).toBe(gaps);
  });

  it('is not offered when fitting is switched off', async () => {
    const { root } = open('fitting/agreement-own-words.html', { settings: { ...DEFAULT_SETTINGS, allowFitting: false } });
    expect(root().querySelectorAll('[data-field][data-rule]').length).toBeGreaterThan(0);
    expect(root().querySelector('[data-action="fit-form"]')).toBeNull();
    expect(await guard!.openFitting('agreement')).toBe(false);
  });

  it('opens from the popup on a page where no form was recognised, its title the page\'s', async () => {
    const { doc, saved } = open('fitting/review-own-title.html');
    expect(doc.querySelector('monitoring-guard')).toBeNull();
    expect(await guard!.openFitting('review')).toBe(true);
    const root = doc.querySelector('monitoring-guard')!.shadowRoot!;
    expect(root.querySelector<HTMLInputElement>('#mg-fit-title')!.value).toBe('Online safety agreement: review meeting');
    root.querySelector<HTMLButtonElement>('[data-action="fit-save"]')!.click();
    await flush();
    await flush();
    expect(saved.map((profile) => profile.title)).toEqual(['Online safety agreement: review meeting']);
    const host = doc.querySelector('monitoring-guard')!;
    expect(host.getAttribute('data-form-kind')).toBe('review');
    expect(host.getAttribute('data-person-id')).toBe('40022');
  });

  it('shows the not-found gaps and the fit button again when the form changes under a saved fitting', async () => {
    const { doc, root } = open('fitting/agreement-own-words.html');
    await startFit(root);
    root().querySelector<HTMLButtonElement>('[data-action="fit-save"]')!.click();
    await flush();
    await flush();
    expect(root().querySelector('[data-action="fit-form"]')).toBeNull();
    // The council rewords a question again.
    const label = Array.from(doc.querySelectorAll('label')).find((element) => element.textContent!.startsWith('First review to be held by'))!;
    label.textContent = 'When is the first review?';
    guard!.update();
    expect(root().querySelector('[data-field="firstReviewDate"]')).not.toBeNull();
    expect(root().querySelector('[data-action="fit-form"]')).not.toBeNull();
  });
});
