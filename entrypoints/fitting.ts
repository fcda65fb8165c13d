import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FitController } from '../lib/guard/fit-controller';
import { handover } from '../lib/platform/guard-loading';

/**
 * The fitting of a form in the page (lib/guard/fit-controller.tsx), run by the background in a
 * frame where the guard runs, when someone fits a form there: the guard every worker meets
 * carries none of it. It hands itself over in the frame's isolated world.
 */
export default defineUnlistedScript(() => {
  const stage = handover();
  if (stage) stage.fitting ??= { FitController };
});
