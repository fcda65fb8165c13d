/**
 * The messages content scripts send the tracker, checked with zod where they arrive: only
 * person IDs, dates, the frequency and outcomes cross, never a name or a narrative answer.
 */
import { z } from 'zod';
import { isoFromParts } from '../dates';
import { FREQUENCIES, OUTCOMES, PERSON_ID, RULE_ID } from './model';

export const isoDate = z.string().refine((value) => {
  const match = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return match !== null && isoFromParts(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}, 'must be a real date written YYYY-MM-DD');

export const personId = z.string().regex(PERSON_ID, 'must be a Mosaic person ID (digits only)');
const frequency = z.enum(FREQUENCIES as [string, ...string[]]);
const outcome = z.enum(OUTCOMES as [string, ...string[]]);
const source = z.enum(['save', 'finish', 'view']);

/**
 * Rule IDs and counts only: no more rules than the procedure has, each counted a sane number of
 * times. Every own key is checked (zod's record passes over a "__proto__" key).
 */
const ruleCounts = z.custom<Record<string, number>>(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.keys(value).length <= 200 &&
    Object.entries(value).every(([rule, count]) => RULE_ID.test(rule) && Number.isInteger(count) && (count as number) >= 1 && (count as number) <= 1000),
  'must be rule IDs, each with how many times the form had it',
);
export const gapCounts = z.strictObject({ errors: ruleCounts, warnings: ruleCounts });

export const trackAgreementMessage = z.strictObject({
  type: z.literal('track-agreement'),
  personId,
  startDate: isoDate,
  endDate: isoDate.nullable(),
  firstReviewDate: isoDate.nullable(),
  frequency: frequency.nullable(),
  source,
  gaps: gapCounts.nullable().optional(),
});

export const trackReviewMessage = z.strictObject({
  type: z.literal('track-review'),
  personId,
  agreementStartDate: isoDate,
  agreementEndDate: isoDate.nullable(),
  reviewDate: isoDate,
  outcome: outcome.nullable(),
  nextReviewDate: isoDate.nullable(),
  source,
  gaps: gapCounts.nullable().optional(),
});

export const reviewDueMessage = z.strictObject({
  type: z.literal('review-due-before'),
  personId,
  agreementStartDate: isoDate,
  reviewDate: isoDate,
});

export const trackerMessage = z.discriminatedUnion('type', [trackAgreementMessage, trackReviewMessage, reviewDueMessage]);

export type TrackAgreementMessage = z.infer<typeof trackAgreementMessage>;
export type TrackReviewMessage = z.infer<typeof trackReviewMessage>;
export type ReviewDueMessage = z.infer<typeof reviewDueMessage>;

/** What the tracker answers. */
export type TrackerReply =
  | { ok: true; key: string; due: string | null; status: string }
  | { ok: true; due: string | null }
  | { ok: false; error: string };
