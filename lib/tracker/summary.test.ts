import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrackerDatabase } from './db';
import { statusOf } from './due';
import { listAgreements, upsertAgreement } from './store';
import { anyStep, applySteps, day } from '../../test/support/tracker-steps';
import { entryStatus, listEntry, readList, SUMMARY_ID } from './summary';

let db: TrackerDatabase;
let name: string;
let counter = 0;

beforeEach(() => {
  name = `summary-test-${++counter}`;
  db = new TrackerDatabase(name);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const byKey = <T extends { key: string }>(items: T[]) => [...items].sort((a, b) => a.key.localeCompare(b.key));

/** The list as the entries themselves give it. */
async function truth() {
  return byKey((await listAgreements(db)).map(listEntry));
}

describe('the list kept beside the entries', () => {
  it('always agrees with the entries, whatever was written, and gives each the same status', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyStep, { maxLength: 25 }), day, async (steps, today) => {
        await applySteps(db, steps);
        // Read the summary as it is stored: a rebuild here would hide a summary that went wrong.
        const stored = await db.summary.get(SUMMARY_ID);
        expect(stored?.count).toBe((await db.agreements.count()));
        const list = byKey(await readList(db));
        expect(list).toEqual(await truth());
        const agreements = byKey(await listAgreements(db));
        expect(list.map((entry) => entryStatus(entry, today, 14))).toEqual(agreements.map((agreement) => statusOf(agreement, today, 14)));
      }),
      { numRuns: 40 },
    );
  });

  it('is built again when an entry was written without it, never shown stale', async () => {
    await upsertAgreement(db, { personId: '1000001', startDate: '2026-01-01', endDate: null, firstReviewDate: null, frequency: null }, 'save');
    const [entry] = await listAgreements(db);
    // Changed behind the summary's back: a later change, the same count.
    await db.agreements.put({ ...entry!, firstReviewDate: '2026-01-10', updatedAt: '2999-01-01T00:00:00.000Z', closesOn: null });
    expect((await readList(db))[0]!.due).toBe('2026-01-10');
    // One more, added behind its back: a different count.
    await db.agreements.put({ ...entry!, key: '1000002|2026-01-01', personId: '1000002', closesOn: null });
    expect((await readList(db)).length).toBe(2);
    expect(byKey(await readList(db))).toEqual(await truth());
  });

  it('is built again when it cannot be read', async () => {
    await upsertAgreement(db, { personId: '1000001', startDate: '2026-01-01', endDate: null, firstReviewDate: null, frequency: null }, 'save');
    const stored = (await db.summary.get(SUMMARY_ID))!;
    for (const broken of ['not json', '[["1000001|2026-01-01", null, "tomorrow", null, null]]', '[1]', '{}']) {
      await db.summary.put({ ...stored, entries: broken });
      expect(await readList(db)).toEqual(await truth());
    }
    await db.summary.delete(SUMMARY_ID);
    expect(await readList(db)).toEqual(await truth());
  });
});
