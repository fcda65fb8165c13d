import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { TrackerDatabase } from './db';
import { statusOf } from './due';
import { applyRetention, deleteAll, listAgreements, recordReview, removeAgreement, upsertAgreement } from './store';
import { entryStatus, listEntry, readList, SUMMARY_ID } from './summary';
import { OUTCOMES } from './model';

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

const person = fc.constantFrom('1000001', '1000002', '1000003');
const day = fc.integer({ min: 0, max: 400 }).map((offset) => addDays('2026-01-01', offset));
const operation = fc.oneof(
  fc.record({ op: fc.constant('upsert' as const), person, start: day, end: fc.option(day), first: fc.option(day) }),
  fc.record({ op: fc.constant('review' as const), person, start: day, date: day, outcome: fc.option(fc.constantFrom(...OUTCOMES)), next: fc.option(day) }),
  fc.record({ op: fc.constant('remove' as const), person, start: day }),
  fc.record({ op: fc.constant('retention' as const), today: day, days: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ op: fc.constant('deleteAll' as const) }),
);

describe('the list kept beside the entries', () => {
  it('always agrees with the entries, whatever was written, and gives each the same status', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 25 }), day, async (operations, today) => {
        await deleteAll(db);
        let clock = Date.parse('2026-01-01T00:00:00.000Z');
        for (const step of operations) {
          const now = new Date((clock += 60_000));
          if (step.op === 'upsert') await upsertAgreement(db, { personId: step.person, startDate: step.start, endDate: step.end, firstReviewDate: step.first, frequency: 'monthly' }, 'save', now);
          else if (step.op === 'review') await recordReview(db, { personId: step.person, startDate: step.start, endDate: null }, { date: step.date, outcome: step.outcome, nextReviewDate: step.next }, 'save', now);
          else if (step.op === 'remove') await removeAgreement(db, `${step.person}|${step.start}`);
          else if (step.op === 'retention') await applyRetention(db, step.today, step.days);
          else await deleteAll(db);
        }
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
