/** Kept apart from the profile checks (zod), so that the content script stays small. */
import { builtInProfiles } from '../forms/profiles';
import { FORM_KINDS, type FormProfile } from '../forms/profile';

/** A content script's light check of what the background stored: anything odd, and the built-in profiles serve. */
export function usableProfiles(stored: unknown): readonly FormProfile[] {
  if (!Array.isArray(stored) || stored.length === 0) return builtInProfiles;
  const plausible = stored.every(
    (profile) =>
      profile &&
      typeof profile === 'object' &&
      typeof (profile as FormProfile).id === 'string' &&
      FORM_KINDS.includes((profile as FormProfile).kind) &&
      Array.isArray((profile as FormProfile).questions),
  );
  return plausible ? (stored as FormProfile[]) : builtInProfiles;
}
