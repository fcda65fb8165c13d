/** The message by which the guard asks the background to keep a fitted profile (kept apart from zod, for the content script's size). */
import type { FormProfile } from '../forms/profile';

export const SAVE_PROFILE = 'save-fitted-profile';

export interface SaveProfileMessage {
  type: typeof SAVE_PROFILE;
  profile: FormProfile;
}

export type SaveProfileReply = { ok: true } | { ok: false; errors: string[] };
