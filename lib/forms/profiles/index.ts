import type { FormProfile } from '../profile';
import { agreementProfile } from './agreement';
import { decisionProfile } from './decision';
import { reviewProfile } from './review';

/** The built-in profiles: the reference forms of forms.md. */
export const builtInProfiles: readonly FormProfile[] = [decisionProfile, agreementProfile, reviewProfile];

export { agreementProfile, decisionProfile, reviewProfile };
