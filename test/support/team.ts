/**
 * A realistic team's review tracker, dated relative to a given day: for the demo (which imports
 * each worker's backup into the team overview), the overview's benchmark (5,000 agreements and
 * 20,000 reviews) and its browser tests. Seeded, so that the same call gives the same team.
 *
 * Each agreement starts in the 18 months before the day, lasts 3 to 12 months, and is reviewed
 * as the procedure asks, mostly on time; some reviews are late, some overdue, some agreements
 * ended by a review, a few past their end date with no review ending them, and some forms were
 * saved with errors (rule IDs of rules.md).
 */
// Plain Node runs this (the demo), so it imports only what needs no bundler: lib/dates.ts alone.
import { addDays, addMonths, type IsoDate } from '../../lib/dates.ts';
import type { GapCounts, ReviewRecord, TrackedAgreement } from '../../lib/tracker/model';

/** As lib/tracker/export.ts writes a backup (the browser test of the import holds the two together). */
function backupJson(agreements: readonly TrackedAgreement[], exportedAt: Date): string {
  const sorted = [...agreements].sort((a, b) => a.key.localeCompare(b.key));
  return JSON.stringify({ format: 'monitoring-guard-tracker', version: 2, exportedAt: exportedAt.toISOString(), agreements: sorted }, null, 2);
}

const MONTHS_BETWEEN = { monthly: 1, twoMonthly: 2, threeMonthly: 3 } as const;

/** When the next review falls due, near enough for made-up data (the tracker's own rule is lib/tracker/due.ts). */
function roughlyDue(entry: TrackedAgreement): IsoDate {
  const last = entry.reviews[entry.reviews.length - 1];
  if (!last) return entry.firstReviewDate ?? addMonths(entry.startDate, 1);
  return addMonths(last.date, MONTHS_BETWEEN[entry.frequency ?? 'threeMonthly']);
}

/** A small, fast, seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const AGREEMENT_RULES = ['agreement-signed', 'time-limited', 'first-review-due', 'measures-agreed', 'signatory-named'];
const REVIEW_RULES = ['young-person-views', 'next-review-due', 'necessity-reviewed'];

export interface TeamOptions {
  today: IsoDate;
  agreements: number;
  /** About how many reviews in all (each agreement gets what its dates allow, up to this on average). */
  reviews?: number;
  seed?: number;
}

function gaps(random: () => number, rules: readonly string[], chance: number): GapCounts {
  if (random() >= chance) return { errors: {}, warnings: random() < 0.2 ? { 'duration-exceptional': 1 } : {} };
  const rule = rules[Math.floor(random() * rules.length)]!;
  return { errors: { [rule]: 1 + Math.floor(random() * 2) }, warnings: {} };
}

export function teamAgreements({ today, agreements, reviews = agreements * 3, seed = 1 }: TeamOptions): TrackedAgreement[] {
  const random = seeded(seed);
  const perAgreement = reviews / agreements;
  const result: TrackedAgreement[] = [];
  const endedByReview = new Set<TrackedAgreement>();
  const used = new Set<string>();
  for (let index = 0; index < agreements; index++) {
    let personId: string;
    do personId = String(1_000_000 + Math.floor(random() * 8_999_999));
    while (used.has(personId));
    used.add(personId);
    const startDate = addDays(today, -Math.floor(random() * 540));
    const months = 3 + Math.floor(random() * 10);
    const endDate = addMonths(startDate, months);
    const frequency: keyof typeof MONTHS_BETWEEN = random() < 0.5 ? 'monthly' : random() < 0.5 ? 'twoMonthly' : 'threeMonthly';
    const firstReviewDate = random() < 0.7 ? addDays(startDate, 21 + Math.floor(random() * 10)) : null;
    const createdAt = `${startDate}T09:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
    const entry: TrackedAgreement = {
      key: `${personId}|${startDate}`, personId, startDate, endDate, firstReviewDate, frequency, reviews: [],
      source: random() < 0.9 ? 'finish' : 'manual', createdAt, updatedAt: createdAt, gaps: null,
    };
    entry.gaps = entry.source === 'manual' ? null : gaps(random, AGREEMENT_RULES, 0.12);
    // Reviews as they fell due, until today or the end; a few held late, a few missed at the end.
    // Asked for generously, then trimmed to the number wanted below (dates cut many short).
    const wanted = Math.max(0, Math.round(perAgreement * 4 * (0.5 + random())));
    const endsByReview = random() < 0.85;
    const lastDay = endDate < today ? endDate : today;
    for (let held = 0; held < wanted; held++) {
      const due = roughlyDue(entry);
      const late = random() < 0.12 ? 3 + Math.floor(random() * 20) : -Math.floor(random() * 7);
      const date = addDays(due, late);
      if (date > lastDay || date <= (entry.reviews[entry.reviews.length - 1]?.date ?? startDate)) break;
      const review: ReviewRecord = {
        date, outcome: 'continue', nextReviewDate: null, source: 'finish', recordedAt: `${date}T14:00:00.000Z`,
        gaps: gaps(random, REVIEW_RULES, 0.08),
      };
      entry.reviews.push(review);
      entry.updatedAt = review.recordedAt;
    }
    if (endDate < today && endsByReview) endedByReview.add(entry);
    result.push(entry);
  }
  // As many reviews as asked for, where the dates allow: the latest of the longest-reviewed go.
  let excess = result.reduce((sum, entry) => sum + entry.reviews.length, 0) - reviews;
  const byReviews = [...result].sort((a, b) => b.reviews.length - a.reviews.length);
  for (let round = 0; excess > 0 && round < 100; round++) {
    for (const entry of byReviews) {
      if (excess <= 0 || entry.reviews.length <= 1) break;
      entry.reviews.pop();
      entry.updatedAt = entry.reviews[entry.reviews.length - 1]!.recordedAt;
      excess--;
    }
  }
  // Most that have ended were ended by their last review; a few passed their end date unreviewed.
  for (const entry of endedByReview) {
    const last = entry.reviews[entry.reviews.length - 1];
    if (last) last.outcome = 'endMonitoring';
  }
  return result;
}

/**
 * The team as each worker's backup file: the agreements dealt out among the workers, with a few
 * in two files (a case handed over), the later copy with one more review.
 */
export function teamBackups(options: TeamOptions & { workers: string[] }): Array<{ name: string; text: string }> {
  const entries = teamAgreements(options);
  const random = seeded((options.seed ?? 1) + 7);
  const files = options.workers.map(() => [] as TrackedAgreement[]);
  entries.forEach((entry, index) => {
    const worker = index % files.length;
    files[worker]!.push(entry);
    if (files.length > 1 && entry.reviews.length > 1 && random() < 0.1) {
      // The worker before held it until its last review.
      const earlier = { ...entry, reviews: entry.reviews.slice(0, -1), updatedAt: entry.reviews[entry.reviews.length - 2]!.recordedAt };
      files[(worker + 1) % files.length]!.push(earlier);
    }
  });
  return options.workers.map((name, index) => ({ name: `${name}.json`, text: backupJson(files[index]!, new Date(`${options.today}T17:00:00.000Z`)) }));
}
