import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { INPUT_REST, watchDocument, type PageChange } from './watch';

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

  describe('while the worker types', () => {
    /** Each change with the fake clock's time when it came. */
    let timed: Array<{ at: number; change: PageChange }>;
    let heard: number;
    const startCounting = () => {
      const doc = dom.window.document;
      timed = [];
      heard = 0;
      return watchDocument(doc, {
        // Called once for each event the watcher hears.
        ignore: (node) => {
          if (node instanceof dom.window.HTMLTextAreaElement || node instanceof dom.window.HTMLInputElement) heard++;
          return doc.getElementById('ours')!.contains(node);
        },
        onChange: (change) => timed.push({ at: Date.now(), change }),
      });
    };
    /** A key in the control, with its input event (heard or not). */
    const key = (control: HTMLTextAreaElement | HTMLInputElement) => {
      control.value += 'x';
      control.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    };

    it('hears a run of typing once a rest, not once a key', () => {
      const watcher = startCounting();
      type(50, 20); // a second of typing, a key every 20 ms
      expect(heard).toBeGreaterThanOrEqual(1);
      expect(heard).toBeLessThanOrEqual(Math.ceil(1000 / INPUT_REST));
      watcher.stop();
    });

    it('still reads the answer again within 200 ms of the last key, and not before it', () => {
      const watcher = startCounting();
      const start = Date.now();
      const area = type(50, 20);
      const lastKey = start + 49 * 20;
      vi.advanceTimersByTime(1000);
      const after = timed.filter(({ at }) => at > lastKey);
      expect(after.length).toBe(1);
      expect(after[0]!.at - lastKey).toBeLessThanOrEqual(200);
      expect(after[0]!.change.targets).toEqual([area]);
      watcher.stop();
    });

    it('reads again what was typed while it rested, after a check during the typing', () => {
      const watcher = startCounting();
      // Typing from 0 to 580 ms; the longest delay brings a check at 600 ms.
      const area = type(30, 20);
      const before = timed.length;
      expect(before).toBe(1);
      key(area); // at 600 ms, within a rest: not heard
      vi.advanceTimersByTime(1000);
      expect(timed.length).toBe(before + 1);
      expect(timed.at(-1)!.change.targets).toEqual([area]);
      watcher.stop();
    });

    it('includes a key typed during a rest when asked to scan at once (the Finish button)', () => {
      const watcher = startCounting();
      const area = dom.window.document.getElementById('a') as HTMLTextAreaElement;
      key(area);
      vi.advanceTimersByTime(5);
      watcher.flush();
      vi.advanceTimersByTime(5);
      key(area); // within the rest: not heard
      watcher.flush();
      expect(timed.map(({ change }) => change.targets)).toEqual([[area], [area]]);
      watcher.stop();
    });

    it('hears typing in another control as soon as focus moves there', () => {
      const doc = dom.window.document;
      const other = doc.createElement('input');
      doc.body.append(other);
      const watcher = startCounting();
      vi.advanceTimersByTime(1000);
      timed = [];
      const area = doc.getElementById('a') as HTMLTextAreaElement;
      key(area);
      vi.advanceTimersByTime(10);
      other.dispatchEvent(new dom.window.FocusEvent('focusin', { bubbles: true }));
      key(other);
      vi.advanceTimersByTime(1000);
      expect(timed.flatMap(({ change }) => change.targets)).toEqual([area, other]);
      watcher.stop();
    });
  });

  it('asks for the whole page to be read when a scan is wanted now (Save, Finish)', () => {
    const watcher = start();
    const area = type(1, 0);
    watcher.flush();
    expect(changes).toEqual([{ structural: true, targets: [area] }]);
    watcher.flush();
    expect(changes.at(-1)).toEqual({ structural: true, targets: [] });
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
