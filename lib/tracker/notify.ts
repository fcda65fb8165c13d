/** Extension pages that change the tracker tell the background, which updates the toolbar badge. */
export const TRACKER_CHANGED = 'tracker-changed';

export interface TrackerChangedMessage {
  type: typeof TRACKER_CHANGED;
}
