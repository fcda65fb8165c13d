/**
 * Watching a page for changes without rescanning on every mutation: DOM changes and the
 * worker's typing only mark the page dirty; the scan runs once things are quiet (after a short
 * pause, in idle time, and never later than `maxDelay` after the first change).
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
  /** Scan now (whether or not a change has been seen yet), and drop any scan waiting. */
  flush(): void;
  stop(): void;
}

const WATCHED_ATTRIBUTES = ['hidden', 'style', 'class', 'open', 'disabled', 'readonly', 'value', 'checked', 'selected', 'aria-hidden', 'contenteditable'];

export function watchDocument(doc: Document, options: WatchOptions): Watcher {
  const win = doc.defaultView!;
  const debounce = options.debounce ?? 150;
  const maxDelay = options.maxDelay ?? 600;
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
    if ('requestIdleCallback' in win) {
      idleHandle = win.requestIdleCallback(() => run(), { timeout: Math.max(50, maxDelay - debounce) });
    } else run();
  };

  // Called on every keystroke: it only notes the time, and sets a timer only when none is set
  // (setting and clearing timers on each key costs more than everything else the guard does then).
  const markDirty = () => {
    if (stopped) return;
    lastChange = Date.now();
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

  // Typing and choosing change values without changing the DOM.
  const onEvent = (event: Event) => {
    // A page shown again from the back-forward cache may differ; its first showing does not
    // (pageshow also comes once after load, which may be after the first scan).
    if (event.type === 'pageshow' && !(event as PageTransitionEvent).persisted) return;
    const target = event.target;
    if (target instanceof win.Node && options.ignore(target)) return;
    if (target instanceof win.Element && (event.type === 'input' || event.type === 'change')) targets.add(target);
    else structural = true;
    markDirty();
  };
  // Typing and choices on the document; in-page navigation on the window.
  const listeners: Array<[EventTarget, string]> = [
    [doc, 'input'],
    [doc, 'change'],
    [win, 'hashchange'],
    [win, 'popstate'],
    [win, 'pageshow'],
  ];
  for (const [target, type] of listeners) target.addEventListener(type, onEvent, true);

  return {
    flush() {
      // Mutation records may still be queued (they arrive as a microtask): scan regardless.
      if (observer.takeRecords().some((record) => !options.ignore(record.target))) structural = true;
      run();
    },
    stop() {
      stopped = true;
      clear();
      observer.disconnect();
      for (const [target, type] of listeners) target.removeEventListener(type, onEvent, true);
    },
  };
}
