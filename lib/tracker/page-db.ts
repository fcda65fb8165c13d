/**
 * The tracker as the extension's own pages (the popup, the import tab) use it: the database
 * opened when first needed, and the background told of each change.
 */
import { browser } from 'wxt/browser';
import type { TrackerDatabase } from './db';
import { TRACKER_CHANGED, type TrackerChangedMessage } from './notify';
import type { ImportPlan } from './transfer';

/**
 * The tracker's database, opened when first needed: Dexie is loaded with it, so that the popup
 * can draw the list (read by quickList) before loading it.
 */
export interface LazyDatabase {
  get(): Promise<TrackerDatabase>;
  close(): void;
}

export function lazyDatabase(): LazyDatabase {
  let opening: Promise<TrackerDatabase> | null = null;
  return {
    get: () => (opening ??= import('./db').then(({ TrackerDatabase }) => new TrackerDatabase())),
    close: () => void opening?.then((db) => db.close(), () => undefined),
  };
}

export function givenDatabase(db: TrackerDatabase): LazyDatabase {
  return { get: () => Promise.resolve(db), close: () => undefined };
}

/** Writes a checked import plan (the checks loaded with it) and tells the background. */
export async function importPlan(database: LazyDatabase, plan: ImportPlan): Promise<void> {
  const [opened, { applyImport }] = await Promise.all([database.get(), import('./transfer')]);
  await applyImport(opened, plan);
  notifyChanged();
}

/** Tells the background that the tracker changed, so that it updates the toolbar badge. */
export function notifyChanged(): void {
  try {
    const message: TrackerChangedMessage = { type: TRACKER_CHANGED };
    browser.runtime.sendMessage(message).catch(() => {});
  } catch {
    // No background to tell (a page opened outside the extension): the badge catches up at its next check.
  }
}
