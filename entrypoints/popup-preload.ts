/**
 * Run by the popup's page before its modules (a plain script, executed as soon as it is parsed):
 * starts reading the tracked list, so that the reading overlaps the loading of the popup itself.
 */
import { startEarlyQuickList } from '../lib/tracker/quick-list';

export default defineUnlistedScript(() => {
  startEarlyQuickList();
});
