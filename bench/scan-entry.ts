import { builtInProfiles } from '../lib/forms/profiles';
import { collectPage, scanDocument } from '../lib/forms/scan';

/** Scans the page `runs` times; returns each run's time in ms and what it found. */
export function measure(runs: number) {
  const times: number[] = [];
  let found = 0;
  let kind: string | null = null;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const result = scanDocument(document, builtInProfiles);
    times.push(performance.now() - start);
    found = result ? Object.keys(result.snapshot.fields).length : 0;
    kind = result?.snapshot.kind ?? null;
  }
  return { times, found, kind, controls: collectPage(document).controlCount };
}
