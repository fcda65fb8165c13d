/**
 * The tracker's side of the messages content scripts send (the background passes them here):
 * checked with zod, written in one transaction each, answered in plain words, failures included.
 */
import type { IsoDate } from '../dates';
import type { TrackerDatabase } from './db';
import { nextReviewDue, statusOf } from './due';
import { trackerMessage, type TrackerReply } from './messages';
import { DEFAULT_SETTINGS } from '../settings';
import { trackerProblem, trackingFailed } from './problem';
import { applyTrackingMessage, reviewDueBefore } from './store';

export interface HandleOptions {
  today: () => IsoDate;
  dueSoonDays: () => Promise<number>;
  now?: Date;
}

/** The reply to one message, and whether the tracker changed (for the toolbar badge). */
export async function handleTrackerMessage(db: TrackerDatabase, raw: unknown, options: HandleOptions): Promise<{ reply: TrackerReply; changed: boolean }> {
  const parsed = trackerMessage.safeParse(raw);
  if (!parsed.success) {
    return { reply: { ok: false, error: `The message to the tracker was not understood: ${parsed.error.issues[0]?.message ?? 'unknown'}` }, changed: false };
  }
  const message = parsed.data;
  if (message.type === 'review-due-before') {
    try {
      return { reply: { ok: true, due: await reviewDueBefore(db, message.personId, message.agreementStartDate, message.reviewDate) }, changed: false };
    } catch (error) {
      return { reply: { ok: false, error: `The review tracker could not be read: ${trackerProblem(error)}` }, changed: false };
    }
  }
  try {
    const agreement = await applyTrackingMessage(db, message, options.now);
    // Written: the status is worked out with the default window if the settings cannot be read.
    const dueSoonDays = await options.dueSoonDays().catch(() => DEFAULT_SETTINGS.dueSoonDays);
    return {
      reply: { ok: true, key: agreement.key, due: nextReviewDue(agreement), status: statusOf(agreement, options.today(), dueSoonDays) },
      changed: true,
    };
  } catch (error) {
    return { reply: { ok: false, error: trackingFailed(error) }, changed: false };
  }
}
