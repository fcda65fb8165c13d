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
import { gapCounts, isoDate, personId } from './messages';
import { agreementKey, FREQUENCIES, OUTCOMES, SOURCES, type ReviewRecord, type TrackedAgreement } from './model';
import { plain } from './store';
import { updateSummary } from './summary';

export { EXPORT_FORMAT, EXPORT_VERSION, exportCsv, exportJson } from './export';

/** More agreements than any team keeps: a larger file is refused unread. */
export const MAX_AGREEMENTS = 100_000;
/** A backup of 5,000 agreements and 20,000 reviews is about 8 MB; a file of more than this is not one. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** More files than a team has workers: a larger choice is refused unread. */
export const MAX_FILES = 50;

/**
 * A date and time as the tracker writes them (ISO, in UTC: "2026-11-25T10:00:00.000Z"). Merging
 * compares them as text, so a looser form ("9") could win every merge.
 */
const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'must be a date and time written as the tracker writes them (2026-11-25T10:00:00.000Z)')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date and time');

const reviewSchema = z.strictObject({
  date: isoDate,
  outcome: z.enum(OUTCOMES as [string, ...string[]]).nullable(),
  nextReviewDate: isoDate.nullable(),
  source: z.enum(SOURCES as [string, ...string[]]),
  recordedAt: timestamp,
  gaps: gapCounts.nullable().optional(),
});

const agreementSchema = z
  .strictObject({
    key: z.string(),
    personId,
    startDate: isoDate,
    endDate: isoDate.nullable(),
    firstReviewDate: isoDate.nullable(),
    frequency: z.enum(FREQUENCIES as [string, ...string[]]).nullable(),
    // No agreement is reviewed a thousand times: a longer list is not a backup.
    reviews: z.array(reviewSchema).max(1000),
    source: z.enum(SOURCES as [string, ...string[]]),
    createdAt: timestamp,
    updatedAt: timestamp,
    gaps: gapCounts.nullable().optional(),
  })
  .superRefine((agreement, ctx) => {
    if (agreement.key !== agreementKey(agreement.personId, agreement.startDate)) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: `must be "${agreementKey(agreement.personId, agreement.startDate)}"` });
    }
    const dates = agreement.reviews.map((review) => review.date);
    if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', path: ['reviews'], message: 'has two reviews on the same date' });
  });

/** Backups of version 1 (before the gaps were kept) are read as well; their entries have no gaps. */
const fileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.union([z.literal(1), z.literal(EXPORT_VERSION)]),
  exportedAt: timestamp,
  agreements: z.array(agreementSchema).max(MAX_AGREEMENTS),
});

/** One backup file, by the name the person chose it by. */
export interface BackupFile {
  name: string;
  text: string;
}

/** What importing would change in one agreement, for the preview. */
export interface ImportChange {
  key: string;
  personId: string;
  startDate: string;
  /** "New", or what changes ("2 reviews added, end date changed"). */
  change: string;
}

export interface ImportPlan {
  add: TrackedAgreement[];
  update: TrackedAgreement[];
  unchanged: number;
  /** The files checked, with how many agreements each holds (one file: its own). */
  files?: Array<{ name: string; agreements: number }>;
  /** The same agreement found in more than one file, kept once. */
  shared?: number;
}

export type ImportCheck = { ok: true; plan: ImportPlan } | { ok: false; errors: string[] };

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const [first, index, ...rest] = issue.path;
  let where = issue.path.length === 0 ? 'The file' : `"${issue.path.join('.')}"`;
  if (first === 'agreements' && typeof index === 'number') {
    const row = (data as { agreements?: unknown[] })?.agreements?.[index] as { personId?: unknown } | undefined;
    // A person ID is digits; anything else is not quoted back in full.
    const person = typeof row?.personId === 'string' ? ` (person ${row.personId.length > 12 ? `${row.personId.slice(0, 12)}…` : row.personId})` : '';
    where = `Row ${index + 1}${person}${rest.length > 0 ? `, ${rest.join('.')}` : ''}`;
  }
  let message = issue.message;
  if (issue.code === 'invalid_type') message = /received undefined/.test(issue.message) ? 'is missing' : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_value') message = `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') message = `has fields the tracker does not keep: ${issue.keys.join(', ')}`;
  return `${where}: ${message}`;
}

/** Of two records of one review, the one recorded last (on a tie, `b`). */
function laterReview(a: ReviewRecord, b: ReviewRecord): ReviewRecord {
  const later = a.recordedAt > b.recordedAt ? a : b;
  // The gaps of the form, when only one of them saw it.
  return later.gaps == null && (a.gaps ?? b.gaps) ? { ...later, gaps: a.gaps ?? b.gaps } : later;
}

/**
 * One agreement as two trackers knew it: its facts from whichever changed it last (on a tie,
 * `b`), a fact it left empty taken from the other; the reviews of both, for each date the one
 * recorded last.
 */
export function mergeAgreements(a: TrackedAgreement, b: TrackedAgreement): TrackedAgreement {
  const [older, newer] = a.updatedAt > b.updatedAt ? [b, a] : [a, b];
  const reviews = new Map(older.reviews.map((review) => [review.date, review]));
  for (const review of newer.reviews) {
    const other = reviews.get(review.date);
    reviews.set(review.date, other ? laterReview(other, review) : review);
  }
  const merged: TrackedAgreement = {
    ...newer,
    endDate: newer.endDate ?? older.endDate,
    firstReviewDate: newer.firstReviewDate ?? older.firstReviewDate,
    frequency: newer.frequency ?? older.frequency,
    createdAt: older.createdAt < newer.createdAt ? older.createdAt : newer.createdAt,
    reviews: [...reviews.values()].sort((x, y) => x.date.localeCompare(y.date)),
  };
  const gaps = newer.gaps ?? older.gaps;
  if (gaps !== undefined) merged.gaps = gaps;
  else delete merged.gaps;
  return merged;
}

/** In words, what importing changes in one agreement: "2 reviews added, end date changed". */
export function describeChange(current: TrackedAgreement | null, merged: TrackedAgreement): string {
  if (!current) return merged.reviews.length === 0 ? 'New' : `New, with ${merged.reviews.length === 1 ? '1 review' : `${merged.reviews.length} reviews`}`;
  const parts: string[] = [];
  const before = new Map(current.reviews.map((review) => [review.date, review]));
  const added = merged.reviews.filter((review) => !before.has(review.date)).length;
  const changed = merged.reviews.filter((review) => before.has(review.date) && JSON.stringify(before.get(review.date)) !== JSON.stringify(review)).length;
  if (added > 0) parts.push(`${added === 1 ? '1 review' : `${added} reviews`} added`);
  if (changed > 0) parts.push(`${changed === 1 ? '1 review' : `${changed} reviews`} updated`);
  if (current.endDate !== merged.endDate) parts.push('end date changed');
  if (current.firstReviewDate !== merged.firstReviewDate) parts.push('first review date changed');
  if (current.frequency !== merged.frequency) parts.push('review frequency changed');
  if (JSON.stringify(current.gaps ?? null) !== JSON.stringify(merged.gaps ?? null)) parts.push('errors and warnings of its last save changed');
  return parts.length > 0 ? parts.join(', ') : 'No change to its dates or reviews; a later save is recorded';
}

/** The changes a plan makes, agreement by agreement, new ones first. */
export function planChanges(plan: ImportPlan, current: ReadonlyMap<string, TrackedAgreement>): ImportChange[] {
  const row = (agreement: TrackedAgreement, before: TrackedAgreement | null): ImportChange => ({
    key: agreement.key,
    personId: agreement.personId,
    startDate: agreement.startDate,
    change: describeChange(before, agreement),
  });
  return [...plan.add.map((agreement) => row(agreement, null)), ...plan.update.map((agreement) => row(agreement, current.get(agreement.key) ?? null))];
}

/** One file checked whole: its agreements, or every reason it cannot be imported. */
export function checkBackup(json: string): { ok: true; agreements: TrackedAgreement[] } | { ok: false; errors: string[] } {
  if (json.length > MAX_FILE_BYTES) return { ok: false, errors: ['The file is larger than any tracker backup (50 MB).'] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    // The parser's own message quotes the file: it is not repeated.
    return { ok: false, errors: ['The file is not valid JSON: it is not a backup downloaded from Monitoring Guard, or it has been changed.'] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, errors: ['The file is not a Monitoring Guard tracker backup (exported as JSON from the popup).'] };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.slice(0, 20).map((issue) => describeIssue(issue, data)) };
  const keys = parsed.data.agreements.map((agreement) => agreement.key);
  const seen = new Set<string>();
  for (let index = 0; index < keys.length; index++) {
    if (seen.has(keys[index]!)) return { ok: false, errors: [`Row ${index + 1}: the same agreement (${keys[index]}) is in the file twice`] };
    seen.add(keys[index]!);
  }
  return { ok: true, agreements: parsed.data.agreements as TrackedAgreement[] };
}

/**
 * Checks several backup files whole (several workers' trackers, for one picture of the team) and
 * works out what importing them would add and update: the same agreement in several files is
 * kept once, with the latest facts. Any file that fails a check refuses them all, each reason
 * named by file, and nothing is written. Writes nothing.
 */
export async function planImports(db: TrackerDatabase, files: readonly BackupFile[]): Promise<ImportCheck> {
  if (files.length === 0) return { ok: false, errors: ['Choose one or more backup files.'] };
  if (files.length > MAX_FILES) return { ok: false, errors: [`Choose ${MAX_FILES} backup files or fewer at once.`] };
  const errors: string[] = [];
  const incoming = new Map<string, TrackedAgreement>();
  const counted: Array<{ name: string; agreements: number }> = [];
  let shared = 0;
  for (const file of files) {
    const checked = checkBackup(file.text);
    if (!checked.ok) {
      errors.push(...checked.errors.map((error) => (files.length > 1 ? `${file.name}: ${error}` : error)));
      continue;
    }
    counted.push({ name: file.name, agreements: checked.agreements.length });
    for (const agreement of checked.agreements) {
      const known = incoming.get(agreement.key);
      if (known) shared++;
      incoming.set(agreement.key, known ? mergeAgreements(known, agreement) : agreement);
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 20) };
  const plan: ImportPlan = { add: [], update: [], unchanged: 0, files: counted, shared };
  const keys = [...incoming.keys()];
  const existing = new Map((await db.agreements.bulkGet(keys)).filter((item) => item !== undefined).map((item) => [item!.key, plain(item!)]));
  for (const agreement of incoming.values()) {
    const current = existing.get(agreement.key);
    if (!current) plan.add.push(agreement);
    else {
      const merged = mergeAgreements(current, agreement);
      if (JSON.stringify(merged) === JSON.stringify(current)) plan.unchanged++;
      else plan.update.push(merged);
    }
  }
  return { ok: true, plan };
}

/** What importing would change, agreement by agreement, for a plan of planImports. */
export async function changesOf(db: TrackerDatabase, plan: ImportPlan): Promise<ImportChange[]> {
  const keys = plan.update.map((agreement) => agreement.key);
  const current = new Map((await db.agreements.bulkGet(keys)).filter((item) => item !== undefined).map((item) => [item!.key, plain(item!)]));
  return planChanges(plan, current);
}

/** Checks one backup file whole and works out what importing it would add and update. Writes nothing. */
export async function planImport(db: TrackerDatabase, json: string): Promise<ImportCheck> {
  const check = await planImports(db, [{ name: 'the file', text: json }]);
  if (!check.ok) return check;
  const { files: _files, shared: _shared, ...plan } = check.plan;
  return { ok: true, plan };
}

/** Writes a checked plan in one transaction: all of it, or (on any failure) none of it. */
export async function applyImport(db: TrackerDatabase, plan: ImportPlan): Promise<void> {
  await db.transaction('rw', db.agreements, db.summary, async () => {
    // Merged again with the entries as they are now: a review saved while the preview was shown
    // is kept, not overwritten by the entry as it was when the preview was made.
    const planned = [...plan.add, ...plan.update];
    const now = await db.agreements.bulkGet(planned.map((agreement) => agreement.key));
    const written = planned.map((agreement, index) => {
      const current = now[index];
      return current ? mergeAgreements(plain(current), agreement) : agreement;
    });
    await db.agreements.bulkPut(written.map((agreement) => ({ ...agreement, closesOn: closesOn(agreement) })));
    await updateSummary(db, written);
  });
}
