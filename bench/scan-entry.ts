import { builtInProfiles } from '../lib/forms/profiles';
import { collectPage, scanDocument } from "../lib/forms/scan";
import { evaluate } from "../lib/procedure/evaluate";
import { DEFAULT_SETTINGS } from "../lib/settings";

/** Scans the page and checks the form `runs` times; returns each run's time in ms and what it found. */
export function measure(runs: number) {
  const times: number[] = [];
  let found = 0;
  let kind: string | null = null;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const result = scanDocument(document, builtInProfiles);
    if (result) evaluate(result.snapshot, { today: '2026-11-25', settings: DEFAULT_SETTINGS, trackedReviewDue: null });
    times.push(performance.now() - start);
    found = result ? Object.keys(result.snapshot.fields).length : 0;
    kind = result?.snapshot.kind ?? null;
  }
  return { times, found, kind, controls: collectPage(document).controlCount };
}
