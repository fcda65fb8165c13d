/**
 * The list of agreements as the popup and the badge show it: for each entry, its person, dates,
 * next review due and last review, and nothing else. It is kept, as one record, beside the
 * entries and changed in the same transaction as them, so that the popup opens without reading
 * every entry in full (with thousands of entries, that reading takes longer than anything else).
 *
 * A summary that does not agree with the entries (missing, unreadable, a different count or a
 * later change than it knows of) is never used: it is built again from the entries.
 */
import type { IsoDate } from '../dates';
import type { Table } from 'dexie';
import type { StoredAgreement, StoredSummary, TrackerDatabase } from './db';
import { endedFrom, lastReview, nextReviewDue, reviewTimeliness, statusFrom, statusToday } from './due';
import { hadErrors, OUTCOMES, type Outcome, type Status, type TrackedAgreement } from './model';

/** The tracker's IndexedDB database (see ./db.ts), named here so that reading the list needs no Dexie. */
export const DATABASE_NAME = 'monitoring-guard-tracker';
export const SUMMARY_ID = 'list';
/**
 * The facts the team overview needs of each entry (./overview.ts), kept the same way as the list.
 * The number is the version of agreementFacts: change it whenever what they hold or how they are
 * worked out changes, so that facts worked out the old way are never read (a record of another
 * name is not read: the facts are built again at the next opening of the overview).
 */
export const OVERVIEW_ID = 'overview-2';

/** What a list shows of one agreement. */
export interface ListEntry {
  key: string;
  personId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** The next review due. */
  due: IsoDate;
  last: { date: IsoDate; outcome: Outcome | null } | null;
}

export interface ListRow {
  entry: ListEntry;
  status: Status;
}

export function listEntry(agreement: TrackedAgreement): ListEntry {
  const last = lastReview(agreement.reviews);
  return {
    key: agreement.key,
    personId: agreement.personId,
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    due: nextReviewDue(agreement),
    last: last ? { date: last.date, outcome: last.outcome } : null,
  };
}

/**
 * What the team overview (./overview.ts) needs of one agreement, worked out when it is written
 * (none of it depends on today): what the list shows, and more.
 */
export interface AgreementFacts extends ListEntry {
  /** Each review held, and whether it was late. */
  reviews: Array<{ date: IsoDate; late: boolean }>;
  /** The forms recorded with errors: the agreement's, then its reviews', with their errors by rule. */
  errors: Array<{ form: 'agreement' | 'review'; date: IsoDate; rules: Record<string, number> }>;
}

export function agreementFacts(agreement: TrackedAgreement): AgreementFacts {
  const errors: AgreementFacts['errors'] = [];
  if (hadErrors(agreement.gaps)) errors.push({ form: 'agreement', date: agreement.startDate, rules: agreement.gaps!.errors });
  for (const review of agreement.reviews) if (hadErrors(review.gaps)) errors.push({ form: 'review', date: review.date, rules: review.gaps!.errors });
  return {
    ...listEntry(agreement),
    reviews: reviewTimeliness(agreement).map(({ date, late }) => ({ date, late })),
    errors,
  };
}

/** The entry's status today, as statusOf gives it for the whole agreement. */
export function entryStatus(entry: ListEntry, today: IsoDate, dueSoonDays: number): Status {
  return statusFrom(entry.due, endedFrom(entry.endDate, entry.last, today), today, dueSoonDays);
}

export function listRows(entries: readonly ListEntry[], today: IsoDate, dueSoonDays: number): ListRow[] {
  const status = statusToday(today, dueSoonDays);
  return entries.map((entry) => ({ entry, status: status(entry.due, endedFrom(entry.endDate, entry.last, today)) }));
}

/** How many reviews are overdue or due soon: the toolbar badge. */
export function attentionCount(rows: readonly ListRow[]): { overdue: number; dueSoon: number } {
  let overdue = 0;
  let dueSoon = 0;
  for (const row of rows) {
    if (row.status === 'overdue') overdue++;
    else if (row.status === 'due-soon') dueSoon++;
  }
  return { overdue, dueSoon };
}

// Stored compactly: one JSON text of [key, endDate, due, last date, last outcome] per entry.
type Packed = [string, IsoDate | null, IsoDate, IsoDate | null, Outcome | null];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is IsoDate => typeof value === 'string' && value.length === 10 && ISO.test(value);
const isDateOrNull = (value: unknown) => value === null || isDate(value);
const OUTCOME_SET = new Set<unknown>(OUTCOMES);

function unpack(item: unknown): ListEntry | null {
  if (!Array.isArray(item) || item.length !== 5) return null;
  const key: unknown = item[0];
  const endDate: unknown = item[1];
  const due: unknown = item[2];
  const lastDate: unknown = item[3];
  const lastOutcome: unknown = item[4];
  if (typeof key !== 'string' || !isDateOrNull(endDate) || !isDate(due) || !isDateOrNull(lastDate)) return null;
  if (lastOutcome !== null && !OUTCOME_SET.has(lastOutcome)) return null;
  const bar = key.length - 11;
  const startDate = key.slice(bar + 1);
  if (bar < 1 || key[bar] !== '|' || !isDate(startDate)) return null;
  return {
    key,
    personId: key.slice(0, bar),
    startDate,
    endDate: endDate as IsoDate | null,
    due,
    last: lastDate === null ? null : { date: lastDate as IsoDate, outcome: lastOutcome as Outcome | null },
  };
}

function pack(entry: ListEntry): Packed {
  return [entry.key, entry.endDate, entry.due, entry.last?.date ?? null, entry.last?.outcome ?? null];
}

// The overview's facts: the list's five, then [reviews, errors], with
// reviews as [date, late (1/0)] and errors as [form ("a"/"r"), date, {rule: count}].
type PackedFacts = [...Packed, Array<[IsoDate, 0 | 1]>, Array<['a' | 'r', IsoDate, Record<string, number>]>];

function packFacts(facts: AgreementFacts): PackedFacts {
  return [
    ...pack(facts),
    facts.reviews.map((review) => [review.date, review.late ? 1 : 0]),
    facts.errors.map((form) => [form.form === 'agreement' ? ('a' as const) : ('r' as const), form.date, form.rules]),
  ];
}

const isCounts = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((count) => Number.isInteger(count) && (count as number) > 0);

function unpackFacts(item: unknown): AgreementFacts | null {
  if (!Array.isArray(item) || item.length !== 7) return null;
  const entry = unpack(item.slice(0, 5));
  const [reviews, errors] = item.slice(5) as unknown[];
  if (!entry || !Array.isArray(reviews) || !Array.isArray(errors)) return null;
  const facts: AgreementFacts = { ...entry, reviews: [], errors: [] };
  for (const review of reviews as unknown[]) {
    if (!Array.isArray(review) || review.length !== 2 || !isDate(review[0]) || (review[1] !== 0 && review[1] !== 1)) return null;
    facts.reviews.push({ date: review[0], late: review[1] === 1 });
  }
  for (const form of errors as unknown[]) {
    if (!Array.isArray(form) || form.length !== 3 || (form[0] !== 'a' && form[0] !== 'r') || !isDate(form[1]) || !isCounts(form[2])) return null;
    facts.errors.push({ form: form[0] === 'a' ? 'agreement' : 'review', date: form[1], rules: form[2] });
  }
  return facts;
}

/** A record's items (written from entries by key: no key twice), or null when any cannot be read. */
function decodeRecord<T>(summary: StoredSummary | undefined, unpackItem: (item: unknown) => T | null): T[] | null {
  if (!summary || typeof summary.entries !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary.entries);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== summary.count) return null;
  const items: T[] = new Array(parsed.length);
  for (let index = 0; index < parsed.length; index++) {
    const item = unpackItem(parsed[index]);
    if (!item) return null;
    items[index] = item;
  }
  return items;
}

/** The latest change among these entries (an ISO timestamp), or '' for none. */
function latestChange(agreements: Iterable<Pick<TrackedAgreement, 'updatedAt'>>): string {
  let latest = '';
  for (const agreement of agreements) if (agreement.updatedAt > latest) latest = agreement.updatedAt;
  return latest;
}

/** Soonest due first (then person, then start), as the popup lists them: its sort then finds them in order. */
function soonestFirst(a: Packed, b: Packed): number {
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

export function encodeSummary(entries: Iterable<ListEntry>, latest: string): StoredSummary {
  const packed = [...entries].map(pack).sort(soonestFirst);
  return { id: SUMMARY_ID, count: packed.length, latest, entries: JSON.stringify(packed) };
}

/** The summary's entries, or null when it cannot be read. */
export function decodeSummary(summary: StoredSummary | undefined): ListEntry[] | null {
  return decodeRecord(summary, unpack);
}

/** The two tables, of the database or of an upgrade's transaction. */
type Tables = { agreements: Table<StoredAgreement, string>; summary: Table<StoredSummary, string> };

/**
 * Whether a stored summary can stand for the entries: as many entries, and the same latest change
 * (`newest` is the latest `updatedAt` among the entries, or undefined when there are none).
 */
export function summaryAgrees(stored: StoredSummary | undefined, count: number, newest: string | undefined): stored is StoredSummary {
  return stored !== undefined && stored.count === count && stored.latest === (newest ?? '');
}

export function encodeOverview(facts: Iterable<AgreementFacts>, latest: string): StoredSummary {
  const packed = [...facts].map(packFacts);
  return { id: OVERVIEW_ID, count: packed.length, latest, entries: JSON.stringify(packed) };
}

/** The overview's facts, or null when they cannot be read. */
export function decodeOverview(summary: StoredSummary | undefined): AgreementFacts[] | null {
  return decodeRecord(summary, unpackFacts);
}

/** Builds the summaries (the list, the overview's facts) again from every entry. Call inside a transaction over both tables. */
export async function rebuildSummary(db: Tables): Promise<ListEntry[]> {
  return (await rebuildSummaries(db)).list;
}

async function rebuildSummaries(db: Tables): Promise<{ list: ListEntry[]; facts: AgreementFacts[] }> {
  const agreements: StoredAgreement[] = await db.agreements.toArray();
  const list = agreements.map(listEntry);
  const facts = agreements.map(agreementFacts);
  const latest = latestChange(agreements);
  await db.summary.bulkPut([encodeSummary(list, latest), encodeOverview(facts, latest)]);
  return { list, facts };
}

/**
 * A kept record's items: from the record when it agrees with the entries (the same count and the
 * same latest change), else from the entries themselves (and both records are mended).
 */
async function readKept<T>(
  db: TrackerDatabase,
  id: string,
  decode: (stored: StoredSummary | undefined) => T[] | null,
  rebuilt: (built: { list: ListEntry[]; facts: AgreementFacts[] }) => T[],
): Promise<T[]> {
  const quick = await db.transaction('r', db.agreements, db.summary, async () => {
    const [stored, count, newest] = await Promise.all([db.summary.get(id), db.agreements.count(), db.agreements.orderBy('updatedAt').last()]);
    return summaryAgrees(stored, count, newest?.updatedAt) ? decode(stored) : null;
  });
  if (quick) return quick;
  return db.transaction('rw', db.agreements, db.summary, async () => rebuilt(await rebuildSummaries(db)));
}

/**
 * After a write, inside its transaction and after the write itself: the summaries with these entries put and these keys
 * removed; or built again when the list's was missing or unreadable. The overview's facts, when
 * missing or unreadable, are left out, and built when the overview is next opened.
 */
export async function updateSummary(db: Tables, put: readonly TrackedAgreement[], removed: readonly string[] = []): Promise<void> {
  const [stored, storedOverview] = await db.summary.bulkGet([SUMMARY_ID, OVERVIEW_ID]);
  const list = decodeSummary(stored);
  if (!list || !stored) {
    await rebuildSummary(db);
    return;
  }
  const entries = new Map(list.map((entry) => [entry.key, entry]));
  for (const key of removed) entries.delete(key);
  for (const agreement of put) entries.set(agreement.key, listEntry(agreement));
  // The latest change among the entries as they are now (the writes come first, in the same
  // transaction): removing or importing can make it earlier than the summary's.
  const newest = (await db.agreements.orderBy('updatedAt').last())?.updatedAt ?? '';
  await db.summary.put(encodeSummary(entries.values(), newest));
  const overview = decodeOverview(storedOverview);
  if (!overview) {
    if (storedOverview) await db.summary.delete(OVERVIEW_ID);
    return;
  }
  const facts = new Map(overview.map((item) => [item.key, item]));
  for (const key of removed) facts.delete(key);
  for (const agreement of put) facts.set(agreement.key, agreementFacts(agreement));
  await db.summary.put(encodeOverview(facts.values(), newest));
}

/** The team overview's facts of every entry (see readKept). */
export function readOverviewFacts(db: TrackerDatabase): Promise<AgreementFacts[]> {
  return readKept(db, OVERVIEW_ID, decodeOverview, (built) => built.facts);
}

/** Every entry as the list shows it (see readKept). */
export function readList(db: TrackerDatabase): Promise<ListEntry[]> {
  return readKept(db, SUMMARY_ID, decodeSummary, (built) => built.list);
}
