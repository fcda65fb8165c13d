/**
 * Why the tracker could not be read or written, in words a worker can act on. IndexedDB's own
 * errors (and Dexie's, which may wrap them) are named, not worded for people.
 */
import { reasonOf } from '../errors';

function names(error: unknown): string[] {
  const found: string[] = [];
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { name, message, inner } = current as { name?: unknown; message?: unknown; inner?: unknown };
    if (typeof name === 'string') found.push(name);
    if (typeof message === 'string') found.push(message);
    current = inner;
  }
  return found;
}

export function trackerProblem(error: unknown): string {
  const said = names(error).join(' ');
  if (/QuotaExceeded|quota/i.test(said)) return 'the storage on this computer is full';
  if (/MissingAPI|InvalidState|UnknownError|DatabaseClosed|OpenFailed|VersionError|indexedDB/i.test(said)) {
    return 'the browser did not let the extension open its storage';
  }
  return reasonOf(error);
}

/** What a worker is told when a form could not be added to the tracker. */
export function trackingFailed(error: unknown): string {
  return `The review tracker could not be updated: ${trackerProblem(error)}. Nothing already tracked has been lost. Save the form again later; if this keeps happening, tell your IT service desk`;
}
