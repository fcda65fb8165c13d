import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_V2, TrackerDatabase } from './db';
import { quickList, startEarlyQuickList, takeQuickList } from './quick-list';
import { listAgreements, upsertAgreement } from './store';
import { anyStep, applySteps } from '../../test/support/tracker-steps';
import { listEntry, readList, SUMMARY_ID } from './summary';

let counter = 0;
const names: string[] = [];
const freshName = () => {
  const name = `quick-list-test-${++counter}`;
  names.push(name);
  return name;
};

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const byKey = <T extends { key: string }>(items: T[] | null) => (items ? [...items].sort((a, b) => a.key.localeCompare(b.key)) : items);
const input = (personId: string) => ({ personId, startDate: '2026-01-01' as const, endDate: null, firstReviewDate: null, frequency: null });

describe('the popup reading the list without Dexie', () => {
  it('gives exactly what the tracker gives, or leaves the reading to it, whatever was written', async () => {
    const name = freshName();
    const db = new TrackerDatabase(name);
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(anyStep, { maxLength: 20 }), async (steps) => {
        await applySteps(db, steps);
        const quick = await quickList(indexedDB, name);
        // The tracker's own writes keep the list up to date: the quick read always answers.
        expect(quick).not.toBeNull();
        answered++;
        expect(byKey(quick)).toEqual(byKey(await readList(db)));
        expect(byKey(quick)).toEqual(byKey((await listAgreements(db)).map(listEntry)));
      }),
      { numRuns: 30 },
    );
    expect(answered).toBe(30);
    db.close();
  });

  it('does not create the database when there is none', async () => {
    const name = freshName();
    expect(await quickList(indexedDB, name)).toBeNull();
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(name);
    // The tracker then makes it as usual.
    const db = new TrackerDatabase(name);
    await upsertAgreement(db, input('1000001'), 'save');
    expect(await quickList(indexedDB, name)).toHaveLength(1);
    db.close();
  });

  it('leaves a database from before the list (version 2) to the tracker to upgrade, unchanged', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(2).stores(SCHEMA_V2);
    await old.table('agreements').put({ ...input('1000001'), key: '1000001|2026-01-01', reviews: [], source: 'save', createdAt: 'x', updatedAt: 'x', closesOn: null });
    const version = old.verno;
    old.close();
    expect(await quickList(indexedDB, name)).toBeNull();
    const check = new Dexie(name);
    await check.open();
    expect(check.verno).toBe(version);
    expect(check.tables.map((table) => table.name)).toEqual(['agreements']);
    check.close();
    const db = new TrackerDatabase(name);
    expect(await readList(db)).toHaveLength(1);
    db.close();
  });

  it('does not answer from a list that disagrees with the entries or cannot be read', async () => {
    const name = freshName();
    const db = new TrackerDatabase(name);
    await upsertAgreement(db, input('1000001'), 'save');
    const [entry] = await listAgreements(db);
    const stored = (await db.summary.get(SUMMARY_ID))!;
    // A later change than the list knows of, the same count.
    await db.agreements.put({ ...entry!, firstReviewDate: '2026-01-10', updatedAt: '2999-01-01T00:00:00.000Z', closesOn: null });
    expect(await quickList(indexedDB, name)).toBeNull();
    // One more entry than the list holds.
    await db.agreements.put({ ...entry!, key: '1000002|2026-01-01', personId: '1000002', closesOn: null });
    expect(await quickList(indexedDB, name)).toBeNull();
    // The tracker mends it; then the quick read answers again.
    expect(await readList(db)).toHaveLength(2);
    expect(byKey(await quickList(indexedDB, name))).toEqual(byKey(await readList(db)));
    const mended = (await db.summary.get(SUMMARY_ID))!;
    for (const broken of ['not json', '[["1000001|2026-01-01", null, "tomorrow", null, null]]', '[1]', '{}']) {
      await db.summary.put({ ...mended, entries: broken });
      expect(await quickList(indexedDB, name)).toBeNull();
    }
    await db.summary.delete(SUMMARY_ID);
    expect(await quickList(indexedDB, name)).toBeNull();
    expect(stored.count).toBe(1);
    db.close();
  });

  it('hands the read started early by the popup page to the popup once; a later reading reads afresh', async () => {
    const page = {};
    startEarlyQuickList(page);
    const early = (page as { monitoringGuardQuickList?: Promise<unknown> }).monitoringGuardQuickList;
    expect(early).toBeInstanceOf(Promise);
    expect(takeQuickList(page)).toBe(early);
    const again = takeQuickList(page);
    expect(again).not.toBe(early);
    await Promise.all([early, again]);
  });

  it('answers null, and throws nothing, when IndexedDB is missing or fails', async () => {
    expect(await quickList(undefined)).toBeNull();
    const failing = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    expect(await quickList(failing)).toBeNull();
  });
});
