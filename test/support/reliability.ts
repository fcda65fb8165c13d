/**
 * The reliability figures (issue 7): tests that try to break the extension record what they tried,
 * and the summary reporter adds them up at the end of the run ("reliability: …").
 */

/** What one test tried. */
export interface ReliabilityFigures {
  /** Pages generated and scanned. */
  generatedPages?: number;
  /** Hostile answers (markup, scripts, huge or odd text) put through the scanner, the panel, the dialog or the popup. */
  hostileInputs?: number;
  /** Faults injected, by name ("rule throws", "service worker stopped mid-sequence"): how many times each. */
  faults?: Record<string, number>;
  /** Tracked entries or reviews checked after a fault, and how many of them were lost (must be 0). */
  entriesChecked?: number;
  entriesLost?: number;
}

interface TaskLike {
  meta: object;
}

/** Adds to the figures of this test (call it with the test's context: `it('…', ({ task }) => …)`). */
export function recordReliability(task: TaskLike, figures: ReliabilityFigures): void {
  const meta = task.meta as { reliability?: ReliabilityFigures };
  const current = meta.reliability ?? {};
  const faults = { ...(current.faults ?? {}) };
  for (const [name, count] of Object.entries(figures.faults ?? {})) faults[name] = (faults[name] ?? 0) + count;
  meta.reliability = {
    generatedPages: (current.generatedPages ?? 0) + (figures.generatedPages ?? 0),
    hostileInputs: (current.hostileInputs ?? 0) + (figures.hostileInputs ?? 0),
    faults,
    entriesChecked: (current.entriesChecked ?? 0) + (figures.entriesChecked ?? 0),
    entriesLost: (current.entriesLost ?? 0) + (figures.entriesLost ?? 0),
  } satisfies ReliabilityFigures;
}

/** The figures of many tests, added up. */
export function addFigures(all: readonly ReliabilityFigures[]): Required<ReliabilityFigures> {
  const total: Required<ReliabilityFigures> = { generatedPages: 0, hostileInputs: 0, faults: {}, entriesChecked: 0, entriesLost: 0 };
  for (const figures of all) {
    total.generatedPages += figures.generatedPages ?? 0;
    total.hostileInputs += figures.hostileInputs ?? 0;
    total.entriesChecked += figures.entriesChecked ?? 0;
    total.entriesLost += figures.entriesLost ?? 0;
    for (const [name, count] of Object.entries(figures.faults ?? {})) total.faults[name] = (total.faults[name] ?? 0) + count;
  }
  return total;
}

/** "reliability: 300 generated pages, 48 hostile inputs; faults injected: …; 120 entries checked after faults, 0 lost". */
export function reliabilityLine(total: Required<ReliabilityFigures>): string {
  const faults = Object.entries(total.faults)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ×${count}`)
    .join(', ');
  return (
    `reliability: ${total.generatedPages} generated pages checked, ${total.hostileInputs} hostile inputs tried; ` +
    `faults injected: ${faults || 'none'}; ${total.entriesChecked} tracked entries checked after faults, ${total.entriesLost} lost`
  );
}
