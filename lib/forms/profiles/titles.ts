/**
 * The built-in forms' titles, apart from their profiles, for the first stage of the guard (which
 * only looks for titles and must stay small). A test holds them to the profiles.
 */
import type { FormKind } from '../profile';

export const BUILT_IN_TITLES: ReadonlyArray<{ kind: FormKind; titles: readonly string[] }> = [
  { kind: 'decision', titles: ['Internet monitoring: decision record', 'Decision to monitor internet use', 'Surveillance and monitoring decision'] },
  { kind: 'agreement', titles: ['Internet monitoring: written agreement', 'Monitoring agreement'] },
  { kind: 'review', titles: ['Internet monitoring: agreement review', 'Monitoring agreement review'] },
];
