/**
 * The content script's side of the review tracker: the tracker lives in the extension's origin
 * (the background), and only messages cross.
 */
import { browser } from 'wxt/browser';
import type { ReviewDueMessage, TrackAgreementMessage, TrackerReply, TrackReviewMessage } from './messages';

/** The review tracker, in the extension's own origin (the background), reached by messages. */
export interface TrackerLink {
  track(message: TrackAgreementMessage | TrackReviewMessage): Promise<TrackerReply>;
  reviewDue(message: ReviewDueMessage): Promise<TrackerReply>;
}

/**
 * A link to the tracker through `browser.runtime.sendMessage`. `isValid` says whether the
 * extension is still there (the content script context's `isValid`): once it is not, nothing is
 * sent and the reply says to reload the page.
 */
export function trackerClient(isValid: () => boolean): TrackerLink {
  const send = async (message: unknown): Promise<TrackerReply> => {
    if (!isValid()) return { ok: false, error: 'The extension was updated or reloaded: reload the page to track this form' };
    const reply = (await browser.runtime.sendMessage(message)) as TrackerReply | undefined;
    return reply ?? { ok: false, error: 'The review tracker did not answer' };
  };
  return { track: send, reviewDue: send };
}
