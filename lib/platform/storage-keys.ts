/** The keys of the extension's storage that content scripts read (kept apart, so that they load nothing else). */

/** The profiles in use after checking (written by the background, read by content scripts). */
export const ACTIVE_PROFILES_KEY = 'activeProfiles';
