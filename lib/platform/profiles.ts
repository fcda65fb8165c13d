/**
 * Which form profiles are in use: the organisation's (policy), the user's imports, and the
 * built-in ones, each checked before use. A profile with any problem is not used, and the problem
 * is kept for the options page to show.
 */
import { builtInProfiles } from '../forms/profiles';
import type { FormProfile } from '../forms/profile';
import { parseProfiles } from '../forms/profile-schema';

export interface ActiveProfiles {
  profiles: FormProfile[];
  errors: string[];
}

export function activeProfiles(imported: unknown, managed: unknown): ActiveProfiles {
  const errors: string[] = [];
  // Each profile checked on its own: one with a problem is not used, and the others still are
  // (a fitting saved beside an older import that today's checks refuse).
  const take = (value: unknown, from: string): FormProfile[] => {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return [];
    const list = Array.isArray(value) ? value : [value];
    const taken: FormProfile[] = [];
    list.forEach((item, index) => {
      const result = parseProfiles(item);
      if (result.ok) taken.push(...result.profiles);
      else errors.push(...result.errors.map((error) => `${from}${list.length > 1 ? `, profile ${index + 1}` : ''}: ${error}`));
    });
    return taken;
  };
  const fromPolicy = take(managed, 'Profiles set by your organisation');
  const fromUser = take(imported, 'Imported profiles');
  // The organisation's first; a later profile with an id already used is left out.
  const seen = new Set<string>();
  const profiles = [...fromPolicy, ...fromUser, ...builtInProfiles].filter((profile) => {
    if (seen.has(profile.id)) return false;
    seen.add(profile.id);
    return true;
  });
  return { profiles, errors };
}

/**
 * The user's profiles with a fitted one saved: checked as any import is (the vocabulary too),
 * first in the list, in place of one with its id. Refused when the organisation set a profile
 * with that id (the organisation's would be used instead).
 */
export function withFittedProfile(imported: unknown, managed: unknown, profile: unknown): { ok: true; profiles: FormProfile[] } | { ok: false; errors: string[] } {
  const result = parseProfiles(profile);
  if (!result.ok) return result;
  if (result.profiles.length !== 1) return { ok: false, errors: ['a fitting is one profile'] };
  const fitted = result.profiles[0]!;
  // The policy's profiles as activeProfiles reads them: a list, or one profile.
  const policy = Array.isArray(managed) ? managed : managed && typeof managed === 'object' ? [managed] : [];
  if (policy.some((item) => item && typeof item === 'object' && (item as { id?: unknown }).id === fitted.id)) {
    return { ok: false, errors: [`your organisation set a profile with the id "${fitted.id}", which is used instead: ask your IT team to update it`] };
  }
  const list = Array.isArray(imported) ? (imported as FormProfile[]) : [];
  return { ok: true, profiles: [fitted, ...list.filter((item) => item?.id !== fitted.id)] };
}
