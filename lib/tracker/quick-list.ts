/**
 * The popup's first read: the list kept beside the entries (./summary.ts), read with plain
 * IndexedDB, so that the popup draws the list without first loading and opening Dexie (a large
 * library that only writes need). It answers null, and leaves the reading to the tracker
 * (`readList`, which mends what needs mending), whenever it cannot answer for certain: no
 * database yet, a database older than the list, a list that does not agree with the entries, or
 * any failure. It never creates, changes or upgrades the database.
 */
import type { StoredSummary } from './db';
import { DATABASE_NAME, decodeSummary, SUMMARY_ID, summaryAgrees, type ListEntry } from './summary';

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The database as it is, or null when it does not exist yet (opening must not create it). */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = factory.open(name);
    // Only a database that does not exist yet asks to be upgraded here (no version is given):
    // leave its making to the tracker.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
}

/** The latest `updatedAt` among the entries, as the tracker's index holds it. */
function newestChange(agreements: IDBObjectStore): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const request = agreements.index('updatedAt').openKeyCursor(null, 'prev');
    request.onsuccess = () => resolve(request.result ? String(request.result.key) : undefined);
    request.onerror = () => reject(request.error);
  });
}

export async function quickList(factory: IDBFactory | undefined = globalThis.indexedDB, name = DATABASE_NAME): Promise<ListEntry[] | null> {
  try {
    if (!factory) return null;
    const db = await openExisting(factory, name);
    if (!db) return null;
    // A newer version of the extension upgrading the database comes first.
    db.onversionchange = () => db.close();
    try {
      if (!db.objectStoreNames.contains('summary') || !db.objectStoreNames.contains('agreements')) return null;
      const transaction = db.transaction(['agreements', 'summary'], 'readonly');
      const agreements = transaction.objectStore('agreements');
      const [stored, count, newest] = await Promise.all([
        result(transaction.objectStore('summary').get(SUMMARY_ID) as IDBRequest<StoredSummary | undefined>),
        result(agreements.count()),
        newestChange(agreements),
      ]);
      return summaryAgrees(stored, count, newest) ? decodeSummary(stored) : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * The popup starts this read from a small script of its own (entrypoints/popup-preload.ts) while
 * the browser is still loading the popup's modules; the popup takes it up, or reads itself.
 */
const EARLY = 'monitoringGuardQuickList';
type EarlyWindow = { [EARLY]?: Promise<ListEntry[] | null> };

export function startEarlyQuickList(target: object = globalThis): void {
  (target as EarlyWindow)[EARLY] = quickList();
}

/** The read started early, once (a later reading starts afresh), else a new one. */
export function takeQuickList(target: object = globalThis): Promise<ListEntry[] | null> {
  const early = (target as EarlyWindow)[EARLY];
  delete (target as EarlyWindow)[EARLY];
  return early ?? quickList();
}
