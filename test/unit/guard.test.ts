/** The guard in one document (jsdom): mounted as contract.md says, following the page, holding back Finish. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { FIXTURES_DIR } from '../support/fixtures';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { settleAfterPaint } from '../support/preact';
import { Guard } from '../../lib/guard/guard';
import { builtInProfiles } from '../../lib/forms/profiles';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { recordReliability } from '../support/reliability';
import { rulesFor } from '../../lib/procedure/registry';
import { trackingFailed } from '../../lib/tracker/problem';
import type { TrackerReply } from '../../lib/tracker/messages';

/** A review with the Progress section still to come, and the young person's views left empty. */
const FORM = `<div class="bar">Internet monitoring: agreement review - Sam Taylor (1234567)</div>
  <div class="toolbar"><button id="save">Save</button> <button id="finish">Finish</button> <span id="status"></span></div>
  <form id="f">
    <label for="a">Agreement start date</label><input id="a" value="01/07/2026">
    <label for="b">Agreement end date</label><input id="b" value="31/12/2026">
    <label for="c">Date of review</label><input id="c" value="01/08/2026">
    <fieldset><legend>Who attended the review?</legend>
      <label><input type="checkbox" checked> Young person</label><label><input type="checkbox" checked> Family</label>
      <label><input type="checkbox"> Carers</label></fieldset>
    <label for="d">Reason the young person did not attend</label><input id="d">
    <label for="e">Young person's views</label><textarea id="e"></textarea>
    <label for="o">Outcome</label><select id="o"><option></option><option selected>Continue</option></select>
    <label for="n">Date of next review</label><input id="n" value="01/11/2026">
  </form>
  <script>
    document.getElementById('save').addEventListener('click', () => { document.getElementById('status').textContent = 'Saved'; });
    document.getElementById('finish').addEventListener('click', () => { document.getElementById('status').textContent = 'Finished'; });
  </script>`;

const PROGRESS = `<label for="p">Progress on the positive measures in the action plan</label><textarea id="p">Sessions done</textarea>
  <fieldset><legend>Is monitoring still necessary?</legend><label><input type="radio" name="s" checked> Yes</label><label><input type="radio" name="s"> No</label></fieldset>
  <label for="r">Reasons</label><textarea id="r">Contact continues</textarea>`;

let dom: JSDOM | null = null;
let guard: Guard | null = null;

function start(body: string, settings = DEFAULT_SETTINGS) {
  dom = new JSDOM(`<!doctype html><body>${body}`, { url: 'http://localhost/', pretendToBeVisual: true, runScripts: 'dangerously' });
  guard = new Guard(dom.window.document, { profiles: builtInProfiles, settings, today: () => '2026-11-25' });
  guard.start();
  return dom.window.document;
}

/** A fixture page, its own scripts run and loaded, with the guard started in it. */
async function startFixture(file: string): Promise<Document> {
  dom = new JSDOM(readFileSync(join(FIXTURES_DIR, file), 'utf8'), { url: `http://localhost/${file}`, pretendToBeVisual: true, runScripts: 'dangerously' });
  await new Promise((resolve) => dom!.window.addEventListener('load', resolve));
  guard = new Guard(dom.window.document, { profiles: builtInProfiles, settings: DEFAULT_SETTINGS, today: () => '2026-11-25' });
  guard.start();
  return dom.window.document;
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const host = (doc: Document) => doc.querySelector('monitoring-guard')!;
const rules = (doc: Document) =>
  Array.from(host(doc).shadowRoot!.querySelectorAll('[data-rule]'), (gap) => `${gap.getAttribute('data-rule')}:${gap.getAttribute('data-severity')}`);

afterEach(() => {
  guard?.stop();
  dom?.window.close();
  guard = dom = null;
});

// Let Preact's last effect timer fire while the window is still here.
afterAll(settleAfterPaint);

describe('the guard in a page', () => {
  it('adds one <monitoring-guard> with the form kind, person ID and each gap with its rule', () => {
    const doc = start(FORM);
    expect(doc.querySelectorAll('monitoring-guard')).toHaveLength(1);
    expect(host(doc).getAttribute('data-form-kind')).toBe('review');
    expect(host(doc).getAttribute('data-person-id')).toBe('1234567');
    expect(host(doc).getAttribute('data-state')).toBe('gaps');
    expect(rules(doc).sort()).toEqual([
      'action-plan-progress:error', 'necessity-reviewed:error', 'necessity-reviewed:error', 'outcome-consistent:error',
      'young-person-views:warning',
    ]);
    expect(host(doc).getAttribute('data-errors')).toBe('4');
    expect(host(doc).getAttribute('data-warnings')).toBe('1');
    const text = host(doc).shadowRoot!.textContent ?? '';
    // The Progress section is not in the page: one item for it, with the checks it holds.
    expect(text).toContain('Not checked yet: open Progress — 3 checks');
    expect(text).toContain("Open the section 'Progress' so that 'Progress on the positive measures in the action plan' can be checked");
    expect(text).toContain("Enter the young person's views");
    expect(text).toContain('Procedure 2');
  });

  it('adds nothing to a page without a form', () => {
    const doc = start('<h1>Current work</h1><p>Internet monitoring: agreement review - Started</p>');
    expect(doc.querySelector('monitoring-guard')).toBeNull();
    expect(doc.body.innerHTML).not.toContain('monitoring-guard');
  });

  it('follows sections added later and answers typed, and goes when the form goes', async () => {
    const doc = start(FORM);
    doc.getElementById('f')!.insertAdjacentHTML('beforeend', PROGRESS);
    await tick(700);
    expect(rules(doc)).toEqual(['young-person-views:warning']);
    const views = doc.getElementById('e') as HTMLTextAreaElement;
    views.value = 'Finds the checks fair';
    views.dispatchEvent(new dom!.window.Event('input', { bubbles: true }));
    await tick(700);
    expect(host(doc).getAttribute('data-state')).toBe('complete');
    expect(rules(doc)).toEqual([]);
    expect(host(doc).shadowRoot!.textContent).toContain('Complete');
    doc.getElementById('f')!.remove();
    await tick(700);
    expect(doc.querySelector('monitoring-guard')).toBeNull();
  });

  it('holds back Finish while there are errors, and lets the worker go back or finish anyway', () => {
    const doc = start(FORM);
    const status = doc.getElementById('status')!;
    doc.getElementById('save')!.click();
    expect(status.textContent).toBe('Saved');
    doc.getElementById('finish')!.click();
    expect(status.textContent).toBe('Saved');
    const shadow = host(doc).shadowRoot!;
    const dialog = shadow.querySelector('dialog')!;
    expect(dialog.textContent).toContain('There is a problem');
    // Its four errors all wait for the Progress section: one line asks for it.
    expect(Array.from(dialog.querySelectorAll('li'), (item) => item.textContent)).toEqual(['Open the section Progress so it can be checked']);
    expect(shadow.activeElement?.getAttribute('data-action')).toBe('go-back');
    (shadow.querySelector('[data-action=go-back]') as HTMLElement).click();
    expect(shadow.querySelector('dialog')).toBeNull();
    expect(status.textContent).toBe('Saved');
    doc.getElementById('finish')!.click();
    (shadow.querySelector('[data-action=finish-anyway]') as HTMLElement).click();
    expect(shadow.querySelector('dialog')).toBeNull();
    expect(status.textContent).toBe('Finished');
  });

  it('lets Finish through when there are only warnings', () => {
    const doc = start(FORM);
    doc.getElementById('f')!.insertAdjacentHTML('beforeend', PROGRESS);
    doc.getElementById('finish')!.click();
    expect(host(doc).shadowRoot!.querySelector('dialog')).toBeNull();
    expect(doc.getElementById('status')!.textContent).toBe('Finished');
  });

  it('judges at Finish what every answer holds then, even one changed with no event (a script, dropped text)', () => {
    const doc = start(FORM);
    doc.getElementById('f')!.insertAdjacentHTML('beforeend', PROGRESS);
    guard!.flush();
    expect(rules(doc).some((rule) => rule.endsWith(':error'))).toBe(false);
    // No input or change event: the guard has not heard of it before the click.
    (doc.getElementById('o') as HTMLSelectElement).selectedIndex = 0;
    doc.getElementById('finish')!.click();
    const dialog = host(doc).shadowRoot!.querySelector('dialog');
    expect(dialog?.textContent).toContain('There is a problem');
    expect(doc.getElementById('status')!.textContent).toBe('');
  });

  it('shows a manager the sign-off checklist: every rule that applies, met or not', () => {
    const doc = start(FORM + `<script>document.getElementById('f').insertAdjacentHTML('beforeend', ${JSON.stringify(PROGRESS)})</script>`, {
      ...DEFAULT_SETTINGS,
      role: 'manager',
    });
    const checks = Array.from(host(doc).shadowRoot!.querySelectorAll('[data-check]'), (check) => [check.getAttribute('data-check'), check.getAttribute('data-met')]);
    expect(checks).toContainEqual(['young-person-views', 'false']);
    expect(checks).toContainEqual(['next-review-due', 'true']);
    expect(checks.map(([rule]) => rule)).not.toContain('review-on-time');
    expect(host(doc).shadowRoot!.textContent).toContain('Sign-off checklist');
  });

  it('steps aside as soon as the extension is gone (updated or reloaded): no dead dialog, no click held', async () => {
    dom = new JSDOM(`<!doctype html><body>${FORM}`, { url: 'http://localhost/', pretendToBeVisual: true, runScripts: 'dangerously' });
    const doc = dom.window.document;
    let valid = true;
    guard = new Guard(doc, { profiles: builtInProfiles, settings: DEFAULT_SETTINGS, today: () => '2026-11-25', isValid: () => valid });
    guard.start();
    doc.getElementById('finish')!.click();
    expect(host(doc).shadowRoot!.querySelector('dialog')).not.toBeNull();
    valid = false;
    // The worker clicks Finish again: it goes through, and the guard is gone with its dialog.
    doc.getElementById('finish')!.click();
    expect(doc.getElementById('status')!.textContent).toBe('Finished');
    expect(doc.querySelector('monitoring-guard')).toBeNull();
    // Nothing more is done on the page's changes.
    doc.getElementById('f')!.insertAdjacentHTML('beforeend', PROGRESS);
    await tick(800);
    expect(doc.querySelector('monitoring-guard')).toBeNull();
  });

  it('leaves nothing behind when stopped (the extension reloaded), and no click held', () => {
    const doc = start(FORM);
    guard!.stop();
    expect(doc.querySelector('monitoring-guard')).toBeNull();
    doc.getElementById('finish')!.click();
    expect(doc.getElementById('status')!.textContent).toBe('Finished');
  });
});

describe('tracking from the page', () => {
  const AGREEMENT = `<div class="bar">Internet monitoring: written agreement - Sam Taylor (1234567)</div>
    <button id="save">Save</button><button id="finish">Finish</button>
    <label for="m">Monitoring measures agreed</label><textarea id="m">Filter</textarea>
    <label for="s">Agreement start date</label><input id="s" value="01/11/2026">
    <label for="e">Agreement end date</label><input id="e" value="30/04/2027">
    <label for="n">Name of signatory</label><input id="n" value="Pat Parent">
    <label for="f">Date of first review</label><input id="f" value="28/11/2026">
    <label for="q">Review frequency after the first review</label><select id="q"><option selected>Monthly</option></select>`;

  function startTracked(body: string, due: string | null = null, reply: TrackerReply = { ok: true, key: 'k', due: '2026-11-28', status: 'due-soon' }) {
    const sent: unknown[] = [];
    dom = new JSDOM(`<!doctype html><body>${body}`, { url: 'http://localhost/', pretendToBeVisual: true });
    guard = new Guard(dom.window.document, {
      profiles: builtInProfiles,
      today: () => '2026-11-25',
      tracker: {
        track: async (message) => {
          sent.push(message);
          return reply;
        },
        reviewDue: async (message) => {
          sent.push(message);
          return { ok: true, due };
        },
      },
    });
    guard.start();
    return { doc: dom.window.document, sent };
  }

  it('tells the tracker of a saved agreement: the ID and dates only, and says what it holds', async () => {
    const { doc, sent } = startTracked(AGREEMENT);
    doc.getElementById('save')!.click();
    await tick(10);
    // With the gaps the guard shows, as rule IDs and counts.
    const shown: { errors: Record<string, number>; warnings: Record<string, number> } = { errors: {}, warnings: {} };
    for (const gap of host(doc).shadowRoot!.querySelectorAll('[data-rule][data-severity]')) {
      const bucket = gap.getAttribute('data-severity') === 'error' ? shown.errors : shown.warnings;
      bucket[gap.getAttribute('data-rule')!] = (bucket[gap.getAttribute('data-rule')!] ?? 0) + 1;
    }
    expect(sent).toEqual([
      { type: 'track-agreement', personId: '1234567', startDate: '2026-11-01', endDate: '2027-04-30', firstReviewDate: '2026-11-28', frequency: 'monthly', source: 'save', gaps: shown },
    ]);
    expect(JSON.stringify(sent)).not.toContain('Pat Parent');
    expect(host(doc).shadowRoot!.textContent).toContain('In the review tracker: next review due 28 November 2026 (due soon).');
  });

  it('says plainly when the tracker could not keep the form (storage full), and still guards', async () => {
    const failure = trackingFailed(new DOMException('quota', 'QuotaExceededError'));
    const { doc } = startTracked(AGREEMENT, null, { ok: false, error: failure });
    doc.getElementById('save')!.click();
    await tick(10);
    const note = host(doc).shadowRoot!.querySelector('[data-tracking]')!;
    expect(note.textContent).toContain('The review tracker could not be updated: the storage on this computer is full. Nothing already tracked has been lost.');
    expect(note.getAttribute('data-tracking')).toBe('failed');
    // Shown beside the chip too, while the panel is closed.
    expect(host(doc).shadowRoot!.querySelector('[data-tracking-outside]')!.textContent).toContain('Not tracked The review tracker could not be updated');
    expect(host(doc).getAttribute('data-state')).toBe('gaps');
  });

  it('tracks a Finish held back only once the worker finishes anyway', async () => {
    const { doc, sent } = startTracked(AGREEMENT);
    doc.getElementById('finish')!.click();
    await tick(10);
    expect(sent).toEqual([]);
    (host(doc).shadowRoot!.querySelector('[data-action=finish-anyway]') as HTMLElement).click();
    await tick(10);
    expect(sent).toMatchObject([{ type: 'track-agreement', source: 'finish' }]);
  });

  it('tracks a form opened read-only once, and says why it cannot track one without a start date', async () => {
    const view = `<h1>Internet monitoring: written agreement - Sam Taylor (1234567)</h1><dl>
      <dt>Monitoring measures agreed</dt><dd>Filter</dd><dt>Agreement start date</dt><dd>01/11/2026</dd>
      <dt>Date of first review</dt><dd>28/11/2026</dd><dt>Agreement end date</dt><dd></dd></dl>`;
    const { sent } = startTracked(view);
    guard!.update();
    await tick(10);
    expect(sent).toMatchObject([{ type: 'track-agreement', source: 'view', endDate: null }]);
    guard!.stop();
    dom!.window.close();
    const second = startTracked(AGREEMENT.replace('value="01/11/2026"', 'value=""'));
    second.doc.getElementById('save')!.click();
    await tick(10);
    expect(second.sent).toEqual([]);
    expect(host(second.doc).shadowRoot!.textContent).toContain('Not added to the review tracker yet: enter the agreement start date');
  });

  it('asks when a review was due, and warns of a late one (review-on-time)', async () => {
    const { doc, sent } = startTracked(FORM + `<script></script>`, '2026-07-31');
    await tick(10);
    expect(sent).toEqual([{ type: 'review-due-before', personId: '1234567', agreementStartDate: '2026-07-01', reviewDate: '2026-08-01' }]);
    expect(rules(doc)).toContain('review-on-time:warning');
  });
});

describe('faults contained', () => {
  it('reports a question whose answer cannot be read as an error, and checks the rest', ({ task }) => {
    dom = new JSDOM(`<!doctype html><body>${FORM}`, { url: 'http://localhost/', pretendToBeVisual: true, runScripts: 'dangerously' });
    const doc = dom.window.document;
    // A page's odd control: reading its value throws.
    Object.defineProperty(doc.getElementById('c')!, 'value', { get: () => { throw new Error('the control would not give its value'); } });
    // Another whose labels cannot be looked for: it is left out, and reported as not found.
    (doc.getElementById('e') as HTMLElement & { closest: unknown }).closest = () => { throw new Error('broken'); };
    guard = new Guard(doc, { profiles: builtInProfiles, settings: DEFAULT_SETTINGS, today: () => '2026-11-25' });
    guard.start();
    expect(guard.snapshot!.unreadable).toEqual({ reviewDate: 'the control would not give its value' });
    expect(guard.snapshot!.missing).toEqual(expect.arrayContaining(['reviewDate', 'youngPersonViews']));
    const texts = Array.from(host(doc).shadowRoot!.querySelectorAll('[data-severity="error"]'), (gap) => gap.textContent ?? '');
    expect(texts.some((text) => text.includes("Could not read the answer to 'Date of review' (the control would not give its value): check this answer yourself"))).toBe(true);
    expect(texts.some((text) => text.includes("Could not find the question 'Young person's views'"))).toBe(true);
    expect(host(doc).getAttribute('data-state')).toBe('gaps');
    // Still guarding: Finish is held, Save is not.
    doc.getElementById('save')!.click();
    doc.getElementById('finish')!.click();
    expect(doc.getElementById('status')!.textContent).toBe('Saved');
    expect(host(doc).shadowRoot!.querySelector('dialog')).not.toBeNull();
    recordReliability(task, { faults: { 'a control that throws when read': 1, 'a control whose labels cannot be looked for': 1 } });
  });

  it('says the form could not be checked when the guard itself fails, never keeping an old verdict', ({ task }) => {
    dom = new JSDOM(`<!doctype html><body>${FORM}`, { url: 'http://localhost/', pretendToBeVisual: true, runScripts: 'dangerously' });
    const doc = dom.window.document;
    let broken = false;
    guard = new Guard(doc, {
      profiles: builtInProfiles,
      settings: DEFAULT_SETTINGS,
      today: () => {
        if (broken) throw new Error('no clock');
        return '2026-11-25';
      },
    });
    guard.start();
    doc.getElementById('f')!.insertAdjacentHTML('beforeend', PROGRESS);
    broken = true;
    guard.setSettings({ ...DEFAULT_SETTINGS, dueSoonDays: 7 });
    expect(host(doc).getAttribute('data-state')).toBe('gaps');
    // Every rule of the form, as an error it could not check (each gap with a rule ID of rules.md).
    const reviewRules = rulesFor('review').map((rule) => rule.id);
    expect(host(doc).getAttribute('data-errors')).toBe(String(reviewRules.length));
    expect(rules(doc)).toEqual(reviewRules.map((id) => `${id}:error`));
    expect(host(doc).shadowRoot!.textContent).toContain('The guard could not check this form (no clock): check this part of the form yourself');
    doc.getElementById('finish')!.click();
    expect(doc.getElementById('status')!.textContent).toBe('');
    expect(host(doc).shadowRoot!.querySelector('dialog')!.textContent).toContain('The guard could not check this form');
    recordReliability(task, { faults: { 'the guard failing while judging': 1 } });
  });
});

describe('a form shown one section at a time', () => {
  /** Waits for a state of the page, never for a time (bounded generously). */
  async function until(condition: () => boolean, what: string): Promise<void> {
    for (const started = Date.now(); !condition(); await tick(20)) {
      if (Date.now() - started > 10_000) throw new Error(`Timed out waiting for ${what}`);
    }
  }

  it('keeps each section’s answers while another is shown, never calls it complete before every section was read, and asks for the rest on Finish', async () => {
    const doc = await startFixture('sections-away-agreement.html');
    const groups = () => Array.from(host(doc).shadowRoot!.querySelectorAll('[data-group=section] .mg-group-message'), (item) => item.textContent);
    expect(groups().map((text) => text!.replace(/ — .*/, ''))).toEqual([
      'Not checked yet: open Consent', 'Not checked yet: open Action plan', 'Not checked yet: open Review',
    ]);
    expect(host(doc).getAttribute('data-state')).toBe('gaps');

    // Finish asks for the sections to be opened.
    (doc.getElementById('btnFinish') as HTMLButtonElement).click();
    const dialog = host(doc).shadowRoot!.querySelector('dialog')!;
    expect(dialog.textContent).toContain('Open the sections Consent, Action plan and Review so they can be checked');
    (host(doc).shadowRoot!.querySelector('[data-action=go-back]') as HTMLButtonElement).click();

    const agreementStart = guard!.snapshot!.fields.agreementStartDate!.value;
    for (const section of ['consent', 'actionPlan', 'review']) {
      (doc.querySelector(`nav.sections button[data-section=${section}]`) as HTMLButtonElement).click();
      await until(() => guard!.snapshot?.fields[section === 'consent' ? 'signedBy' : section === 'actionPlan' ? 'actionPlan' : 'firstReviewDate'] !== undefined, section);
      // The Agreement section is out of the page, and its answers stand.
      expect(doc.getElementById('MA_START') ?? doc.querySelector('[name=MA_START]')).toBeNull();
      expect(guard!.snapshot!.fields.agreementStartDate!.value).toEqual(agreementStart);
    }
    await until(() => groups().length === 0, 'every section read');
    expect(guard!.snapshot!.unreadSections).toBeUndefined();
    expect(guard!.snapshot!.missing).toEqual([]);
  });
});

describe('rich text in an editor of its own frame', () => {
  it('follows typing in the editor’s frame, which the page around it never hears', async () => {
    const doc = await startFixture('richtext-iframe-review.html');
    expect(guard!.snapshot!.fields.youngPersonViews!.value).toEqual({ type: 'text', text: 'N/A' });
    const editor = (doc.querySelector('#cke_r_views iframe') as HTMLIFrameElement).contentDocument!;
    editor.body.innerHTML = '<p>Kai says the checks are <strong>fair</strong>.</p>';
    editor.body.dispatchEvent(new dom!.window.Event('input', { bubbles: true }));
    for (const started = Date.now(); guard!.snapshot!.fields.youngPersonViews!.value.type === 'text' && (guard!.snapshot!.fields.youngPersonViews!.value as { text: string }).text === 'N/A'; await tick(20)) {
      if (Date.now() - started > 10_000) throw new Error('the guard did not follow the editor');
    }
    expect(guard!.snapshot!.fields.youngPersonViews!.value).toEqual({ type: 'text', text: 'Kai says the checks are fair.' });
  });
});
