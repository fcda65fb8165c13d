/**
 * Watching a page for changes without rescanning on every mutation: DOM changes and the
 * worker's typing only mark the page dirty; the scan runs once things are quiet (after a short
 * pause, in idle time, and never later than `maxDelay` after the first change). While the worker
 * types, the guard is called once a short rest instead of once a key (see INPUT_REST).
 */

export interface WatchOptions {
  /** Quiet time before a scan, in ms. */
  debounce?: number;
  /** Longest wait from the first change to the scan, in ms. */
  maxDelay?: number;
  /** Elements whose own changes are ours, not the page's. */
  ignore: (node: Node) => boolean;
  onChange: (change: PageChange) => void;
}

/** What changed since the last scan. */
export interface PageChange {
  /** The page's DOM changed (or a change could not be pinned down): read the whole page again. */
  structural: boolean;
  /** The controls the worker typed in or chose in. */
  targets: Element[];
}

export interface Watcher {
  /**
   * Read the whole page again now (whether or not a change has been seen yet), not only the
   * controls heard of since the last scan, and drop any scan waiting.
   */
  flush(): void;
  stop(): void;
}

/**
 * How long the `input` listener rests after each keystroke it hears, in ms. Each call into the
 * extension costs the page about 0.1 ms however little the listener does, more than the guard's
 * own work on a key, so during a run of typing it is called once a rest instead of once a key.
 */
export const INPUT_REST = 70;

/** What a control holds, to tell whether it changed during a rest. */
function valueOf(element: Element): string {
  const control = element as HTMLInputElement;
  if (typeof control.value === 'string') return `${control.checked ? 1 : 0}${control.value}`;
  return element.textContent ?? '';
}

const WATCHED_ATTRIBUTES = ['hidden', 'style', 'class', 'open', 'disabled', 'readonly', 'value', 'checked', 'selected', 'aria-hidden', 'contenteditable'];

export function watchDocument(doc: Document, options: WatchOptions): Watcher {
  const win = doc.defaultView!;
  const debounce = options.debounce ?? 150;
  const maxDelay = options.maxDelay ?? 600;
  /** Shorter than half the quiet time (see `rest`). */
  const restFor = Math.min(INPUT_REST, Math.floor((debounce - 1) / 2));
  let quietTimer: number | null = null;
  let deadlineTimer: number | null = null;
  let idleHandle: number | null = null;
  let stopped = false;
  /** When the last change was seen (Date.now()). */
  let lastChange = 0;
  let structural = false;
  const targets = new Set<Element>();

  const clear = () => {
    if (quietTimer !== null) win.clearTimeout(quietTimer);
    if (deadlineTimer !== null) win.clearTimeout(deadlineTimer);
    if (idleHandle !== null && 'cancelIdleCallback' in win) win.cancelIdleCallback(idleHandle);
    quietTimer = deadlineTimer = idleHandle = null;
  };

  const run = (forceStructural = false) => {
    clear();
    const change: PageChange = { structural: structural || forceStructural, targets: [...targets] };
    structural = false;
    targets.clear();
    if (!stopped) options.onChange(change);
  };

  const whenIdle = () => {
    quietTimer = null;
    // Still changing (the worker is typing): wait for the rest of the quiet time.
    const quietFor = Date.now() - lastChange;
    if (quietFor < debounce) {
      quietTimer = win.setTimeout(whenIdle, debounce - quietFor);
      return;
    }
    // Answers typed or chosen alone are read again at once (only those controls: little work);
    // a change to the page's structure waits for idle time, as a whole scan may be long.
    if (!structural || !('requestIdleCallback' in win)) run();
    else idleHandle = win.requestIdleCallback(() => run(), { timeout: Math.max(50, maxDelay - debounce) });
  };

  // It only notes the time, and sets a timer only when none is set (setting and clearing timers
  // on each key costs more than everything else the guard does then).
  const markDirty = (at = Date.now()) => {
    if (stopped) return;
    lastChange = Math.max(lastChange, at);
    if (quietTimer === null && idleHandle === null) quietTimer = win.setTimeout(whenIdle, debounce);
    if (deadlineTimer === null) deadlineTimer = win.setTimeout(() => run(), maxDelay);
  };

  const observer = new win.MutationObserver((records) => {
    if (records.some((record) => !options.ignore(record.target))) {
      structural = true;
      markDirty();
    }
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });

  // Typing: after a keystroke the `input` listener rests for INPUT_REST ms (see there). When the
  // rest ends, the control typed in is compared with what it held when the rest began: a change
  // counts as typed when the rest began (the earliest it can have been, so the check after a
  // pause comes no later than without rests), and the listener rests again; no change wakes it.
  // Two rests are shorter than the quiet time, so a run of typing still sets off no check of its
  // own before maxDelay. Focus moving to another element, and a scan asked for now (flush), end a
  // rest at once; `change` events never rest.
  let resting: { target: Element; value: string; since: number; timer: number } | null = null;

  const rest = (target: Element) => {
    doc.removeEventListener('input', onEvent, true);
    resting = { target, value: valueOf(target), since: Date.now(), timer: win.setTimeout(endRest, restFor) };
  };

  const endRest = () => {
    if (!resting) return;
    const { target, value, since, timer } = resting;
    resting = null;
    win.clearTimeout(timer);
    if (stopped) return;
    doc.addEventListener('input', onEvent, true);
    if (valueOf(target) === value) return;
    targets.add(target);
    markDirty(since);
    rest(target);
  };

  // Typing and choosing change values without changing the DOM.
  const onEvent = (event: Event) => {
    if (event.type === 'focusin') {
      if (resting && event.target !== resting.target) endRest();
      return;
    }
    // A page shown again from the back-forward cache may differ; its first showing does not
    // (pageshow also comes once after load, which may be after the first scan).
    if (event.type === 'pageshow' && !(event as PageTransitionEvent).persisted) return;
    const target = event.target;
    if (target instanceof win.Node && options.ignore(target)) return;
    if (target instanceof win.Element && (event.type === 'input' || event.type === 'change')) targets.add(target);
    else structural = true;
    markDirty();
    if (event.type === 'input' && target instanceof win.Element && restFor > 0) rest(target);
  };
  // Typing and choices on the document; in-page navigation on the window.
  const listeners: Array<[EventTarget, string]> = [
    [doc, 'input'],
    [doc, 'change'],
    [doc, 'focusin'],
    [win, 'hashchange'],
    [win, 'popstate'],
    [win, 'pageshow'],
  ];
  for (const [target, type] of listeners) target.addEventListener(type, onEvent, true);

  return {
    flush() {
      endRest();
      // Queued mutation records (they arrive as a microtask) are read with the rest of the page.
      observer.takeRecords();
      run(true);
    },
    stop() {
      stopped = true;
      endRest();
      clear();
      observer.disconnect();
      for (const [target, type] of listeners) target.removeEventListener(type, onEvent, true);
    },
  };
}
