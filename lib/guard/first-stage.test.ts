/** The guard's first stage (jsdom): it starts the whole guard where a form's title shows, only there, and says so when it cannot. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtInProfiles } from '../forms/profiles';
import { BUILT_IN_TITLES } from '../forms/profiles/titles';
import { FirstStage, titlesOf } from './first-stage';
import { START_FAILED } from './start-failure';
import { waitFor } from '../../test/support/preact';

afterEach(() => {
  document.title = '';
  document.body.replaceChildren();
  for (const host of document.querySelectorAll('monitoring-guard')) host.remove();
});

function stage(start = vi.fn(async () => undefined)) {
  const first = new FirstStage(document, { start, debounce: 5, maxDelay: 20 });
  first.setTitles(titlesOf(undefined));
  return { first, start };
}

describe('the titles it looks for', () => {
  it('are the built-in forms\' titles and aliases, as their profiles give them', () => {
    expect(BUILT_IN_TITLES).toEqual(builtInProfiles.map((profile) => ({ kind: profile.kind, titles: [profile.title, ...(profile.titleAliases ?? [])] })));
  });

  it('are those of the profiles in use, a council\'s own title included', () => {
    const council = { ...builtInProfiles[1]!, id: 'council-agreement', title: 'Online safety agreement', titleAliases: undefined };
    expect(titlesOf([...builtInProfiles, council])).toContainEqual({ kind: 'agreement', titles: ['Online safety agreement'] });
  });

  it('are the built-in ones where what is stored does not look like profiles', () => {
    for (const stored of [undefined, null, [], 'profiles', [{ kind: 'plan', title: 'x' }], [{ kind: 'review' }]]) expect(titlesOf(stored)).toBe(BUILT_IN_TITLES);
  });
});

describe('the first stage', () => {
  it('starts the guard at once where a form\'s title shows', async () => {
    document.body.innerHTML = '<h1>Internet monitoring: written agreement</h1><label>Start date <input></label>';
    const { first, start } = stage();
    first.watch();
    await waitFor(() => start.mock.calls.length > 0, 'the start');
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts it when the title comes later (a step loaded by the page\'s script), and only once', async () => {
    document.body.innerHTML = '<h1>Work list</h1>';
    const { first, start } = stage();
    first.watch();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(start).not.toHaveBeenCalled();
    const step = document.createElement('div');
    step.innerHTML = '<div class="title">Internet monitoring: <b>agreement review</b></div>';
    document.body.append(step);
    await waitFor(() => start.mock.calls.length > 0, 'the start');
    document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('never starts it on a page without the forms\' titles, however it changes', async () => {
    document.body.innerHTML = '<h1>Case note</h1><p>Internet use was discussed with the carers.</p>';
    const { first, start } = stage();
    first.watch();
    for (let step = 0; step < 5; step++) {
      document.body.append(Object.assign(document.createElement('p'), { textContent: `Monitoring was mentioned ${step}` }));
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(start).not.toHaveBeenCalled();
    expect(document.querySelector('monitoring-guard')).toBeNull();
  });

  it('says so in the page when the guard could not start, as an error, never as nothing to check', async () => {
    document.body.innerHTML = '<h1>Internet monitoring: decision record</h1>';
    const { first } = stage(vi.fn(async () => Promise.reject(new Error('Could not load file: guard.js'))));
    first.watch();
    await waitFor(() => document.querySelector('monitoring-guard') !== null, 'the notice');
    const host = document.querySelector('monitoring-guard')!;
    expect(host.getAttribute('data-form-kind')).toBe('decision');
    expect(host.getAttribute('data-state')).toBe('gaps');
    expect(host.getAttribute('data-errors')).toBe('1');
    const alert = host.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.getAttribute('data-severity')).toBe('error');
    expect(alert.textContent).toContain(START_FAILED);
    expect(alert.textContent).toContain('check it yourself');
    expect(alert.textContent).toContain('Could not load file: guard.js');
    // The page's own text is never read as markup.
    expect(host.shadowRoot!.querySelectorAll('script, img').length).toBe(0);
  });

  it('starts the guard when asked (the popup fits a form here), and answers false when it could not start', async () => {
    document.body.innerHTML = '<h1>Our own agreement form</h1>';
    const { first, start } = stage();
    first.watch();
    expect(await first.startNow('agreement')).toBe(true);
    expect(await first.startNow('agreement')).toBe(true);
    expect(start).toHaveBeenCalledTimes(1);
    const failing = new FirstStage(document, { start: async () => Promise.reject(new Error('no answer')) });
    expect(await failing.startNow('agreement')).toBe(false);
  });

  it('stops looking when stopped (the extension went away)', async () => {
    document.body.innerHTML = '<h1>Work list</h1>';
    const { first, start } = stage();
    first.watch();
    first.stop();
    document.body.append(Object.assign(document.createElement('h1'), { textContent: 'Internet monitoring: written agreement' }));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(start).not.toHaveBeenCalled();
  });
});
