import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { watchDocument, type PageChange } from './watch';

describe('watchDocument', () => {
  let dom: JSDOM;
  let changes: PageChange[];
  beforeEach(() => {
    vi.useFakeTimers();
    dom = new JSDOM('<!doctype html><body><textarea id="a"></textarea><div id="ours"></div></body>', { pretendToBeVisual: false });
    changes = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    dom.window.close();
  });

  const start = () => {
    const doc = dom.window.document;
    // jsdom's own timers follow the fake clock through the window's setTimeout.
    return watchDocument(doc, { ignore: (node) => doc.getElementById('ours')!.contains(node), onChange: (change) => changes.push(change) });
  };
  const type = (count: number, every: number) => {
    const doc = dom.window.document;
    const area = doc.getElementById('a') as HTMLTextAreaElement;
    for (let key = 0; key < count; key++) {
      area.value += 'x';
      area.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
      vi.advanceTimersByTime(every);
    }
    return area;
  };

  it('reads again once typing pauses, with only the control typed in', () => {
    const watcher = start();
    const area = type(5, 20);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(changes).toEqual([{ structural: false, targets: [area] }]);
    watcher.stop();
  });

  it('never waits longer than the longest delay while the worker keeps typing', () => {
    const watcher = start();
    type(50, 20); // a second of typing, a key every 20 ms
    expect(changes.length).toBeGreaterThanOrEqual(1);
    expect(changes.length).toBeLessThanOrEqual(2);
    vi.advanceTimersByTime(1000);
    expect(changes.every((change) => change.structural === false)).toBe(true);
    watcher.stop();
  });

  it("marks the page's own DOM changes as structural, and ignores its own", async () => {
    const watcher = start();
    const doc = dom.window.document;
    doc.getElementById('ours')!.append(doc.createElement('span'));
    await Promise.resolve();
    vi.advanceTimersByTime(1000);
    expect(changes).toEqual([]);
    doc.body.append(doc.createElement('section'));
    await Promise.resolve();
    vi.advanceTimersByTime(1000);
    expect(changes).toEqual([{ structural: true, targets: [] }]);
    watcher.stop();
  });

  it('does nothing once stopped', () => {
    const watcher = start();
    type(1, 0);
    watcher.stop();
    vi.advanceTimersByTime(1000);
    expect(changes).toEqual([]);
  });
});

describe('watchDocument and the page being shown', () => {
  it('reads the page again when it comes back from the back-forward cache, not when first shown', () => {
    vi.useFakeTimers();
    const dom = new JSDOM('<!doctype html><body></body>');
    const changes: PageChange[] = [];
    const watcher = watchDocument(dom.window.document, { ignore: () => false, onChange: (change) => changes.push(change) });
    const show = (persisted: boolean) => {
      const event = new dom.window.Event('pageshow');
      Object.defineProperty(event, 'persisted', { value: persisted });
      dom.window.dispatchEvent(event);
      vi.advanceTimersByTime(1000);
    };
    show(false);
    expect(changes).toEqual([]);
    show(true);
    expect(changes).toEqual([{ structural: true, targets: [] }]);
    watcher.stop();
    dom.window.close();
    vi.useRealTimers();
  });
});
