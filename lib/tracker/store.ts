/**
 * The tracker's operations. Every write is one transaction: a worker stopped half-way leaves the
 * tracker as it was before, or as it is after, never in between.
 */
import { addDays, type IsoDate } from '../dates';
import type { StoredAgreement, TrackerDatabase } from './db';
import { closesOn, dueBeforeReview, nextReviewDue, statusOf } from './due';
import type { TrackAgreementMessage, TrackReviewMessage } from './messages';
import { rebuildSummary, updateSummary } from './summary';
import { agreementKey, type Frequency, type GapCounts, type Outcome, type ReviewRecord, type Source, type Status, type TrackedAgreement } from './model';

export interface AgreementInput {
  personId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  firstReviewDate: IsoDate | null;
  frequency: Frequency | null;
  /** The form's gaps when it was saved, finished or viewed; absent when entered by hand. */
  gaps?: GapCounts | null;
}

export interface ReviewInput {
  date: IsoDate;
  outcome: Outcome | null;
  nextReviewDate: IsoDate | null;
  /** The form's gaps when it was saved, finished or viewed; absent when entered by hand. */
  gaps?: GapCounts | null;
}

function stored(agreement: TrackedAgreement): StoredAgreement {
  return { ...agreement, closesOn: closesOn(agreement) };
}

/** Drops the storage-only fields. */
export function plain(agreement: StoredAgreement): TrackedAgreement {
  const { closesOn: _closesOn, ...rest } = agreement;
  return rest;
}

/** The reviews with this one put in its date's place; a review entered by hand keeps the gaps the form had. */
function withReview(reviews: readonly ReviewRecord[], review: ReviewRecord): ReviewRecord[] {
  const before = reviews.find((existing) => existing.date === review.date);
  const put: ReviewRecord = review.gaps == null && before?.gaps ? { ...review, gaps: before.gaps } : review;
  return [...reviews.filter((existing) => existing.date !== review.date), put].sort((a, b) => a.date.localeCompare(b.date));
}

/** Adds an agreement, or updates the one with the same person and start date; answers left empty keep what was known. */
export async function upsertAgreement(db: TrackerDatabase, input: AgreementInput, source: Source, now = new Date()): Promise<TrackedAgreement> {
  return db.transaction('rw', db.agreements, db.summary, async () => {
    const key = agreementKey(input.personId, input.startDate);
    const existing = await db.agreements.get(key);
    const timestamp = now.toISOString();
    const agreement: TrackedAgreement = existing
      ? {
          ...plain(existing),
          endDate: input.endDate ?? existing.endDate,
          firstReviewDate: input.firstReviewDate ?? existing.firstReviewDate,
          frequency: input.frequency ?? existing.frequency,
          // The gaps as the form last had them; an entry by hand keeps what the form showed.
          gaps: input.gaps ?? existing.gaps ?? null,
          updatedAt: timestamp,
        }
      : {
          key,
          personId: input.personId,
          startDate: input.startDate,
          endDate: input.endDate,
          firstReviewDate: input.firstReviewDate,
          frequency: input.frequency,
          reviews: [],
          source,
          createdAt: timestamp,
          updatedAt: timestamp,
          gaps: input.gaps ?? null,
        };
    await db.agreements.put(stored(agreement));
    await updateSummary(db, [agreement]);
    return agreement;
  });
}

/** Records a review held (one per date) on the agreement it belongs to, adding the agreement if it is new. */
export async function recordReview(
  db: TrackerDatabase,
  agreement: { personId: string; startDate: IsoDate; endDate: IsoDate | null },
  review: ReviewInput,
  source: Source,
  now = new Date(),
): Promise<TrackedAgreement> {
  return db.transaction('rw', db.agreements, db.summary, async () => {
    const key = agreementKey(agreement.personId, agreement.startDate);
    const existing = await db.agreements.get(key);
    const timestamp = now.toISOString();
    const record: ReviewRecord = {
      date: review.date,
      outcome: review.outcome,
      nextReviewDate: review.nextReviewDate,
      source,
      recordedAt: timestamp,
      gaps: review.gaps ?? null,
    };
    const base: TrackedAgreement = existing
      ? plain(existing)
      : {
          key,
          personId: agreement.personId,
          startDate: agreement.startDate,
          endDate: null,
          firstReviewDate: null,
          frequency: null,
          reviews: [],
          source,
          createdAt: timestamp,
          updatedAt: timestamp,
          gaps: null,
        };
    const updated: TrackedAgreement = {
      ...base,
      endDate: agreement.endDate ?? base.endDate,
      reviews: withReview(base.reviews, record),
      updatedAt: timestamp,
    };
    await db.agreements.put(stored(updated));
    await updateSummary(db, [updated]);
    return updated;
  });
}

export async function applyTrackingMessage(db: TrackerDatabase, message: TrackAgreementMessage | TrackReviewMessage, now = new Date()) {
  if (message.type === 'track-agreement') {
    const { personId, startDate, endDate, firstReviewDate, frequency, source, gaps } = message;
    return upsertAgreement(db, { personId, startDate, endDate, firstReviewDate, frequency: frequency as Frequency | null, gaps }, source, now);
  }
  return recordReview(
    db,
    { personId: message.personId, startDate: message.agreementStartDate, endDate: message.agreementEndDate },
    { date: message.reviewDate, outcome: message.outcome as Outcome | null, nextReviewDate: message.nextReviewDate, gaps: message.gaps },
    message.source,
    now,
  );
}

/** The due date the tracker held for an agreement before a review on `reviewDate`, or null when it did not hold the agreement. */
export async function reviewDueBefore(db: TrackerDatabase, personId: string, startDate: IsoDate, reviewDate: IsoDate): Promise<IsoDate | null> {
  const existing = await db.agreements.get(agreementKey(personId, startDate));
  if (!existing) return null;
  // Held before this review was first recorded: reviews recorded for this date do not count.
  return dueBeforeReview(existing, reviewDate);
}

export async function removeAgreement(db: TrackerDatabase, key: string): Promise<boolean> {
  return db.transaction('rw', db.agreements, db.summary, async () => {
    const existing = await db.agreements.get(key);
    if (!existing) return false;
    await db.agreements.delete(key);
    await updateSummary(db, [], [key]);
    return true;
  });
}

export async function deleteAll(db: TrackerDatabase): Promise<void> {
  await db.transaction('rw', db.agreements, db.summary, async () => {
    await db.agreements.clear();
    await rebuildSummary(db);
  });
}

export async function listAgreements(db: TrackerDatabase): Promise<TrackedAgreement[]> {
  return (await db.agreements.toArray()).map(plain);
}

/** Deletes entries that ended more than `days` days before today; returns how many. */
export async function applyRetention(db: TrackerDatabase, today: IsoDate, days: number): Promise<number> {
  const before = addDays(today, -days);
  return db.transaction('rw', db.agreements, db.summary, async () => {
    const keys = await db.agreements.where('closesOn').below(before).primaryKeys();
    if (keys.length === 0) return 0;
    await db.agreements.bulkDelete(keys);
    await updateSummary(db, [], keys);
    return keys.length;
  });
}

export interface AgreementRow {
  agreement: TrackedAgreement;
  due: IsoDate;
  status: Status;
}

export function rowsFor(agreements: readonly TrackedAgreement[], today: IsoDate, dueSoonDays: number): AgreementRow[] {
  return agreements.map((agreement) => ({ agreement, due: nextReviewDue(agreement), status: statusOf(agreement, today, dueSoonDays) }));
}
