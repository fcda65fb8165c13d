/**
 * What the page shows when the guard could not start where one of the forms' titles shows (its
 * second stage did not load): never silence, which a worker would take for "nothing to check".
 * Plain DOM, no framework: it is part of the first stage, which runs on every Mosaic page.
 */
import type { FormKind } from '../forms/profile';

export const START_FAILED = 'Monitoring Guard could not start on this page';

const STYLE = `
:host { all: initial; }
.mg-start-failed {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; box-sizing: border-box;
  max-width: min(420px, calc(100vw - 32px)); padding: 16px; background: #ffffff; color: #0b0c0c;
  border: 5px solid #d4351c; font: 16px/1.4 Arial, Helvetica, sans-serif;
}
h2 { margin: 0 0 8px; font-size: 19px; line-height: 1.3; }
p { margin: 0 0 8px; }
.mg-reason { color: #505a5f; font-size: 14px; }
button {
  font: inherit; min-height: 44px; padding: 8px 12px; color: #0b0c0c; background: #f3f2f1;
  border: 2px solid #0b0c0c; cursor: pointer;
}
button:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
`;

/**
 * Adds the guard's element to the document, saying that the guard could not start: it counts as
 * one error (the form is not checked), so that nothing reads it as complete.
 */
export function showStartFailure(doc: Document, kind: FormKind | null, reason: string): HTMLElement | null {
  if (doc.querySelector('monitoring-guard')) return null;
  const host = doc.createElement('monitoring-guard');
  if (kind) host.setAttribute('data-form-kind', kind);
  host.setAttribute('data-state', 'gaps');
  host.setAttribute('data-errors', '1');
  host.setAttribute('data-warnings', '0');
  host.setAttribute('data-start-failed', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'mg-start-failed';
  box.setAttribute('role', 'alert');
  box.setAttribute('lang', 'en-GB');
  box.setAttribute('data-severity', 'error');
  const add = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string) => {
    const element = doc.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    box.append(element);
    return element;
  };
  add('h2', START_FAILED);
  add('p', 'This form has not been checked against the procedure: check it yourself before you finish it. Reload the page to try again. If this keeps happening, tell your IT service desk.');
  add('p', `What went wrong: ${reason}`, 'mg-reason');
  const hide = add('button', 'Hide this message');
  hide.type = 'button';
  hide.addEventListener('click', () => box.remove());
  shadow.append(style, box);
  (doc.body ?? doc.documentElement).appendChild(host);
  return host;
}
