/**
 * Random runs of writes to the tracker, for property tests (fast-check): agreements saved, reviews
 * recorded, and (when asked for) entries removed, retention applied and everything deleted.
 */
import fc from 'fast-check';
import { addDays } from '../../lib/dates';
import type { TrackerDatabase } from '../../lib/tracker/db';
import { FREQUENCIES, OUTCOMES, type Frequency } from '../../lib/tracker/model';
import { applyRetention, deleteAll, recordReview, removeAgreement, upsertAgreement } from '../../lib/tracker/store';

const person = fc.constantFrom('1000001', '1000002', '1000003', '1000004');
export const day = fc.integer({ min: 0, max: 400 }).map((offset) => addDays('2026-01-01', offset));

const saves = [
  fc.record({ op: fc.constant('agreement' as const), person, start: day, end: fc.option(day), first: fc.option(day), frequency: fc.option(fc.constantFrom<Frequency>(...FREQUENCIES)) }),
  fc.record({ op: fc.constant('review' as const), person, start: day, date: day, outcome: fc.option(fc.constantFrom(...OUTCOMES)), next: fc.option(day) }),
] as const;
const removals = [
  fc.record({ op: fc.constant('remove' as const), person, start: day }),
  fc.record({ op: fc.constant('retention' as const), today: day, days: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ op: fc.constant('deleteAll' as const) }),
] as const;

export const saveStep = fc.oneof(...saves);
export const anyStep = fc.oneof(...saves, ...removals);
export type TrackerStep = typeof anyStep extends fc.Arbitrary<infer T> ? T : never;

/** Empties the tracker, then writes the steps in order, a minute apart. */
export async function applySteps(db: TrackerDatabase, steps: readonly TrackerStep[]): Promise<void> {
  await deleteAll(db);
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  for (const step of steps) {
    const now = new Date((clock += 60_000));
    if (step.op === 'agreement') {
      await upsertAgreement(db, { personId: step.person, startDate: step.start, endDate: step.end, firstReviewDate: step.first, frequency: step.frequency }, 'save', now);
    } else if (step.op === 'review') {
      await recordReview(db, { personId: step.person, startDate: step.start, endDate: null }, { date: step.date, outcome: step.outcome, nextReviewDate: step.next }, 'save', now);
    } else if (step.op === 'remove') await removeAgreement(db, `${step.person}|${step.start}`);
    else if (step.op === 'retention') await applyRetention(db, step.today, step.days);
    else await deleteAll(db);
  }
}
