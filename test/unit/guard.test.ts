/** The guard in one document (jsdom): mounted as contract.md says, following the page, removed with the form. */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { Guard } from '../../entrypoints/content/guard';
import { builtInProfiles } from '../../lib/forms/profiles';

const FORM = `<div class="bar">Internet monitoring: agreement review - Sam Taylor (1234567)</div>
  <form id="f">
    <label for="a">Date of review</label><input id="a">
    <label for="b">Outcome</label><select id="b"><option>Continue</option></select>
    <label for="c">Date of next review</label><input id="c">
  </form>`;

let dom: JSDOM | null = null;
let guard: Guard | null = null;

function start(body: string) {
  dom = new JSDOM(`<!doctype html><body>${body}`, { url: 'http://localhost/', pretendToBeVisual: true });
  guard = new Guard(dom.window.document, { profiles: builtInProfiles });
  guard.start();
  return dom.window.document;
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  guard?.stop();
  dom?.window.close();
  guard = dom = null;
});

describe('the guard in a page', () => {
  it('adds one <monitoring-guard> with the form kind, person ID and gaps', () => {
    const doc = start(FORM);
    const hosts = doc.querySelectorAll('monitoring-guard');
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(host.getAttribute('data-form-kind')).toBe('review');
    expect(host.getAttribute('data-person-id')).toBe('1234567');
    expect(host.getAttribute('data-state')).toBe('gaps');
    expect(host.getAttribute('data-errors')).toBe('8');
    expect(host.getAttribute('data-warnings')).toBe('0');
    const gaps = host.shadowRoot!.querySelectorAll('[data-severity]');
    expect(gaps).toHaveLength(8);
    expect(host.shadowRoot!.textContent).toContain("Could not find the question 'Agreement start date': check the form profile");
  });

  it('adds nothing to a page without a form', () => {
    const doc = start('<h1>Current work</h1><p>Internet monitoring: agreement review - Started</p>');
    expect(doc.querySelector('monitoring-guard')).toBeNull();
    expect(doc.body.innerHTML).not.toContain('monitoring-guard');
  });

  it('follows questions added later, and goes when the form goes', async () => {
    const doc = start(FORM);
    doc.getElementById('f')!.insertAdjacentHTML('beforeend', '<label for="d">Agreement start date</label><input id="d">');
    await tick(700);
    expect(doc.querySelector('monitoring-guard')!.getAttribute('data-errors')).toBe('7');
    doc.getElementById('f')!.remove();
    await tick(700);
    expect(doc.querySelector('monitoring-guard')).toBeNull();
  });

  it('takes no notice of its own changes', async () => {
    const doc = start(FORM);
    const host = doc.querySelector('monitoring-guard')!;
    const before = host.shadowRoot!.innerHTML;
    (host.shadowRoot!.querySelector('.mg-chip') as HTMLElement).click();
    await tick(700);
    expect(host.shadowRoot!.innerHTML).not.toBe(before);
    expect(doc.querySelectorAll('monitoring-guard')).toHaveLength(1);
  });

  it('leaves nothing behind when stopped (the extension reloaded)', () => {
    const doc = start(FORM);
    guard!.stop();
    expect(doc.querySelector('monitoring-guard')).toBeNull();
  });
});
