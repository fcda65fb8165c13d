/**
 * Import of a JSON backup, checked whole before anything is written: any problem, named by row,
 * and nothing changes. (Export is in ./export.ts, without the checks, so that the popup loads
 * these only when a file is imported.)
 */
import { z } from 'zod';
import type { IsoDate } from '../dates';
import type { TrackerDatabase } from './db';
import { closesOn } from './due';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { isoDate, personId } from './messages';
import { agreementKey, FREQUENCIES, OUTCOMES, SOURCES, type TrackedAgreement } from './model';
import { plain } from './store';
import { updateSummary } from './summary';

export { EXPORT_FORMAT, EXPORT_VERSION, exportCsv, exportJson } from './export';

const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date and time');

const reviewSchema = z.strictObject({
  date: isoDate,
  outcome: z.enum(OUTCOMES as [string, ...string[]]).nullable(),
  nextReviewDate: isoDate.nullable(),
  source: z.enum(SOURCES as [string, ...string[]]),
  recordedAt: timestamp,
});

const agreementSchema = z
  .strictObject({
    key: z.string(),
    personId,
    startDate: isoDate,
    endDate: isoDate.nullable(),
    firstReviewDate: isoDate.nullable(),
    frequency: z.enum(FREQUENCIES as [string, ...string[]]).nullable(),
    reviews: z.array(reviewSchema),
    source: z.enum(SOURCES as [string, ...string[]]),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .superRefine((agreement, ctx) => {
    if (agreement.key !== agreementKey(agreement.personId, agreement.startDate)) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: `must be "${agreementKey(agreement.personId, agreement.startDate)}"` });
    }
    const dates = agreement.reviews.map((review) => review.date);
    if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', path: ['reviews'], message: 'has two reviews on the same date' });
  });

const fileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: timestamp,
  agreements: z.array(agreementSchema),
});

export interface ImportPlan {
  add: TrackedAgreement[];
  update: TrackedAgreement[];
  unchanged: number;
}

export type ImportCheck = { ok: true; plan: ImportPlan } | { ok: false; errors: string[] };

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const [first, index, ...rest] = issue.path;
  let where = issue.path.length === 0 ? 'The file' : `"${issue.path.join('.')}"`;
  if (first === 'agreements' && typeof index === 'number') {
    const row = (data as { agreements?: unknown[] })?.agreements?.[index] as { personId?: unknown } | undefined;
    const person = typeof row?.personId === 'string' ? ` (person ${row.personId})` : '';
    where = `Row ${index + 1}${person}${rest.length > 0 ? `, ${rest.join('.')}` : ''}`;
  }
  let message = issue.message;
  if (issue.code === 'invalid_type') message = /received undefined/.test(issue.message) ? 'is missing' : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_value') message = `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') message = `has fields the tracker does not keep: ${issue.keys.join(', ')}`;
  return `${where}: ${message}`;
}

function merge(existing: TrackedAgreement, incoming: TrackedAgreement): TrackedAgreement {
  const reviews = new Map(existing.reviews.map((review) => [review.date, review]));
  for (const review of incoming.reviews) reviews.set(review.date, review);
  return { ...incoming, createdAt: existing.createdAt < incoming.createdAt ? existing.createdAt : incoming.createdAt, reviews: [...reviews.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/** Checks a backup file whole and works out what importing it would add and update. Writes nothing. */
export async function planImport(db: TrackerDatabase, json: string): Promise<ImportCheck> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`The file is not valid JSON: ${(error as Error).message}`] };
  }
  if (data && typeof data === 'object' && (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, errors: ['The file is not a Monitoring Guard tracker backup (exported as JSON from the popup).'] };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.slice(0, 20).map((issue) => describeIssue(issue, data)) };
  const keys = parsed.data.agreements.map((agreement) => agreement.key);
  const duplicate = keys.findIndex((key, index) => keys.indexOf(key) !== index);
  if (duplicate >= 0) return { ok: false, errors: [`Row ${duplicate + 1}: the same agreement (${keys[duplicate]}) is in the file twice`] };
  const plan: ImportPlan = { add: [], update: [], unchanged: 0 };
  const existing = new Map((await db.agreements.bulkGet(keys)).filter((item) => item !== undefined).map((item) => [item!.key, plain(item!)]));
  for (const incoming of parsed.data.agreements as TrackedAgreement[]) {
    const current = existing.get(incoming.key);
    if (!current) plan.add.push(incoming);
    else {
      const merged = merge(current, incoming);
      if (JSON.stringify(merged) === JSON.stringify(current)) plan.unchanged++;
      else plan.update.push(merged);
    }
  }
  return { ok: true, plan };
}

/** Writes a checked plan in one transaction: all of it, or (on any failure) none of it. */
export async function applyImport(db: TrackerDatabase, plan: ImportPlan): Promise<void> {
  await db.transaction('rw', db.agreements, db.summary, async () => {
    await db.agreements.bulkPut([...plan.add, ...plan.update].map((agreement) => ({ ...agreement, closesOn: closesOn(agreement) })));
    await updateSummary(db, [...plan.add, ...plan.update]);
  });
}
