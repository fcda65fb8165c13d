/**
 * Answering extension messages the way every supported browser hears: through `sendResponse`,
 * with `true` returned to keep the channel open while the answer is worked out. Chrome and Edge
 * accept a Promise returned from `runtime.onMessage` only since version 144; on 120 to 143 (the
 * manifest's minimum is 120) such a reply is lost: the save is written, but the page is told
 * nothing. Firefox accepts both. Ten lines instead of a library (webextension-polyfill or
 * @webext-core/messaging would add to the content script for what this does).
 */

export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Works out the reply to a message, or undefined when the message is not this listener's. */
export type MessageHandler = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

/** What a handler that failed replies: both reply shapes the extension's messages use say it. */
function failure(error: unknown): { ok: false; error: string; errors: string[] } {
  const text = `Monitoring Guard could not answer (${error instanceof Error ? error.message : String(error)})`;
  return { ok: false, error: text, errors: [text] };
}

/** A `runtime.onMessage` listener that answers through `sendResponse`, whatever the browser does with its return value. */
export function replyingListener(handler: MessageHandler) {
  return (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void): boolean => {
    let pending: Promise<unknown> | undefined;
    try {
      pending = handler(message, sender);
    } catch (error) {
      sendResponse(failure(error));
      return false;
    }
    if (!pending) return false;
    pending.then(
      (reply) => sendResponse(reply),
      (error: unknown) => sendResponse(failure(error)),
    );
    return true;
  };
}
