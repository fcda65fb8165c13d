/**
 * The tracker under faults: storage full in the middle of a write, IndexedDB that cannot be
 * opened, an import that fails half-way. Each time the worker is told plainly, and nothing
 * already stored is lost or half-changed.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordReliability } from '../../test/support/reliability';
import { applySteps, saveStep } from '../../test/support/tracker-steps';
import { TrackerDatabase, type StoredAgreement } from './db';
import { handleTrackerMessage } from './handle';
import { deleteAll, listAgreements, recordReview, upsertAgreement } from './store';
import { readList, listEntry, SUMMARY_ID } from './summary';
import { applyImport, exportJson, planImport } from './transfer';

let db: TrackerDatabase;
let name: string;
let counter = 0;
const NOW = new Date('2026-11-25T10:00:00.000Z');
const options = { today: () => '2026-11-25', dueSoonDays: async () => 14, now: NOW };

beforeEach(() => {
  name = `faults-test-${++counter}`;
  db = new TrackerDatabase(name);
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(name);
});

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function fill() {
  await upsertAgreement(db, { personId: '1000001', startDate: '2026-09-01', endDate: '2027-02-28', firstReviewDate: '2026-09-28', frequency: 'monthly' }, 'save', NOW);
  await recordReview(db, { personId: '1000001', startDate: '2026-09-01', endDate: null }, { date: '2026-09-28', outcome: 'continue', nextReviewDate: null }, 'save', NOW);
  await upsertAgreement(db, { personId: '1000002', startDate: '2026-10-01', endDate: null, firstReviewDate: null, frequency: null }, 'view', NOW);
}

/** The whole tracker as stored, the list beside the entries included. */
async function everything() {
  return { agreements: await listAgreements(db), summary: await db.summary.get(SUMMARY_ID) };
}

const review = {
  type: 'track-review' as const, personId: '1000001', agreementStartDate: '2026-09-01', agreementEndDate: null,
  reviewDate: '2026-10-26', outcome: 'continue' as const, nextReviewDate: null, source: 'save' as const,
};

describe('storage full', () => {
  it.for([
    ['writing the entry', () => vi.spyOn(db.agreements, 'put').mockRejectedValue(quotaExceeded())],
    ['writing the list beside it', () => vi.spyOn(db.summary, 'put').mockRejectedValue(quotaExceeded())],
  ] as const)('while %s: says so plainly, and changes nothing already stored', async ([, fault], { task }) => {
    await fill();
    const before = await everything();
    fault();
    const { reply, changed } = await handleTrackerMessage(db, review, options);
    expect(changed).toBe(false);
    expect(reply).toEqual({
      ok: false,
      error:
        'The review tracker could not be updated: the storage on this computer is full. Nothing already tracked has been lost. Save the form again later; if this keeps happening, tell your IT service desk',
    });
    vi.restoreAllMocks();
    expect(await everything()).toEqual(before);
    // Once there is room again, the same save goes through.
    expect((await handleTrackerMessage(db, review, options)).reply).toMatchObject({ ok: true, key: '1000001|2026-09-01' });
    expect((await listAgreements(db)).find((entry) => entry.personId === '1000001')!.reviews.map((item) => item.date)).toEqual(['2026-09-28', '2026-10-26']);
    recordReliability(task, { faults: { 'storage full during a write': 1 }, entriesChecked: before.agreements.length, entriesLost: 0 });
  });
});

describe('IndexedDB unavailable', () => {
  it('tells the worker the tracker cannot be opened, for a save and for a question', async ({ task }) => {
    const broken = new TrackerDatabase(`${name}-broken`, {
      indexedDB: {
        open: () => {
          throw new DOMException('IndexedDB is not available here.', 'InvalidStateError');
        },
        deleteDatabase: () => ({}) as IDBOpenDBRequest,
        cmp: indexedDB.cmp.bind(indexedDB),
        databases: async () => [],
      } as unknown as IDBFactory,
      IDBKeyRange,
    });
    const saved = await handleTrackerMessage(broken, review, options);
    expect(saved.reply).toEqual({
      ok: false,
      error:
        'The review tracker could not be updated: the browser did not let the extension open its storage. Nothing already tracked has been lost. Save the form again later; if this keeps happening, tell your IT service desk',
    });
    const asked = await handleTrackerMessage(broken, { type: 'review-due-before', personId: '1000001', agreementStartDate: '2026-09-01', reviewDate: '2026-10-26' }, options);
    expect(asked.reply).toEqual({ ok: false, error: 'The review tracker could not be read: the browser did not let the extension open its storage' });
    await expect(readList(broken)).rejects.toThrow();
    recordReliability(task, { faults: { 'IndexedDB unavailable': 2 } });
  });
});

describe('import', () => {
  it('never half-applies: a failure part of the way through leaves the tracker as it was', async ({ task }) => {
    await fill();
    const before = await everything();
    const incoming = [...before.agreements, { ...before.agreements[0]!, key: '1000003|2026-11-01', personId: '1000003', startDate: '2026-11-01', reviews: [] }];
    const file = exportJson(incoming.map((agreement) => ({ ...agreement, endDate: '2027-06-30' })), NOW);
    const check = await planImport(db, file);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    // The disk fills after part of the entries were written.
    const put = db.agreements.bulkPut.bind(db.agreements);
    const halfThenFull = async (items: readonly StoredAgreement[]) => {
      await put(items.slice(0, 1));
      throw quotaExceeded();
    };
    vi.spyOn(db.agreements, 'bulkPut').mockImplementation(halfThenFull as never);
    await expect(applyImport(db, check.plan)).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await everything()).toEqual(before);
    recordReliability(task, { faults: { 'storage full part of the way through an import': 1 }, entriesChecked: before.agreements.length, entriesLost: 0 });
  });

  it('gives back exactly the same tracker: export, delete all, import (generated trackers)', async ({ task }) => {
    let trackers = 0;
    let entries = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(saveStep, { maxLength: 20 }), async (steps) => {
        await applySteps(db, steps);
        const before = await listAgreements(db);
        const file = exportJson(before, NOW);
        await deleteAll(db);
        const check = await planImport(db, file);
        expect(check.ok).toBe(true);
        if (!check.ok) return;
        await applyImport(db, check.plan);
        const after = await listAgreements(db);
        const byKey = <T extends { key: string }>(items: T[]) => [...items].sort((a, b) => a.key.localeCompare(b.key));
        expect(byKey(after)).toEqual(byKey(before));
        expect(byKey(await readList(db))).toEqual(byKey(before.map(listEntry)));
        trackers++;
        entries += before.length;
      }),
      { numRuns: 40 },
    );
    recordReliability(task, { entriesChecked: entries, entriesLost: 0, faults: { 'export, delete all and import of a generated tracker': trackers } });
  });
});
