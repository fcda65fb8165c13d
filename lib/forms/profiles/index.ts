import type { FormKind, FormProfile } from '../profile';
import { agreementProfile } from './agreement';
import { decisionProfile } from './decision';
import { reviewProfile } from './review';

/** The built-in profiles: the reference forms of forms.md. */
export const builtInProfiles: readonly FormProfile[] = [decisionProfile, agreementProfile, reviewProfile];

/** The built-in profile of a form: the procedure's own wording of its questions. */
export function referenceProfile(kind: FormKind): FormProfile {
  return builtInProfiles.find((profile) => profile.kind === kind)!;
}

export { agreementProfile, decisionProfile, reviewProfile };
