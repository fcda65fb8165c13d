/**
 * Stage 2 of a scan: the profiles prepared for matching, once per list of profiles: their labels
 * and codes normalised, which labels only one form has, and the quick tests for texts that may
 * be a label and codes that may be a question code.
 */
import { labelPrefilter, normaliseLabel } from '../normalise';
import type { FormProfile, Question } from '../profile';
import { referenceProfile } from '../profiles';

/** The texts normalised, without repeats or empties. */
export function distinctLabels(texts: readonly string[]): string[] {
  return [...new Set(texts.map(normaliseLabel))].filter(Boolean);
}

/** A profile prepared for matching: its labels and codes, normalised once. */
export interface PreparedProfile {
  profile: FormProfile;
  titles: string[];
  byLabel: Map<string, Question>;
  codes: Array<[string, Question]>;
  /** Whether a candidate's code (lower case) can be one of `codes` (see codeMatches): one test instead of one per code. */
  mayBeCode: RegExp | null;
  /** Field names of the questions with a label no profile of another form uses. */
  distinctive: Set<string>;
  /**
   * The procedure's questions the profile leaves out (its council's form does not ask them), with
   * the reference form's label of each, for messages.
   */
  notAsked: Array<[string, string]>;
}

const prepared = new WeakMap<readonly FormProfile[], PreparedProfile[]>();

export function questionLabels(question: Question): string[] {
  return distinctLabels([question.label, ...(question.aliases ?? [])]);
}

const labelFilters = new WeakMap<PreparedProfile[], (text: string) => boolean>();

/** The quick test for texts that may be the label of one of these profiles' questions. */
export function labelFilterFor(preparedProfiles: PreparedProfile[]): (text: string) => boolean {
  let filter = labelFilters.get(preparedProfiles);
  if (!filter) {
    filter = labelPrefilter(preparedProfiles.flatMap((prepared) => [...prepared.byLabel.keys()]));
    labelFilters.set(preparedProfiles, filter);
  }
  return filter;
}

/**
 * The scan's two quick tests for these profiles: whether a text may be one of their questions'
 * labels, and whether a control's code (lower case) may be one of their question codes.
 */
export function profileFilters(profiles: readonly FormProfile[]): {
  mayBeLabel: (text: string) => boolean;
  mayBeCode: (code: string) => boolean;
} {
  const preparedProfiles = prepareProfiles(profiles);
  return { mayBeLabel: labelFilterFor(preparedProfiles), mayBeCode: codeFilterFor(preparedProfiles) };
}

const codeFilters = new WeakMap<PreparedProfile[], (code: string) => boolean>();

/** Whether a control's code (lower case) can be one of these profiles' question codes. */
export function codeFilterFor(preparedProfiles: PreparedProfile[]): (code: string) => boolean {
  let filter = codeFilters.get(preparedProfiles);
  if (!filter) {
    const patterns = preparedProfiles.flatMap((prepared) => (prepared.mayBeCode ? [prepared.mayBeCode] : []));
    filter = (code) => patterns.some((pattern) => pattern.test(code));
    codeFilters.set(preparedProfiles, filter);
  }
  return filter;
}

export function prepareProfiles(profiles: readonly FormProfile[]): PreparedProfile[] {
  const cached = prepared.get(profiles);
  if (cached) return cached;
  // Which forms (kinds) use each label: a label of one form only is distinctive, however many
  // profiles of that form there are (a council's fitted profile beside the built-in one).
  const labelUse = new Map<string, Set<string>>();
  for (const profile of profiles) {
    for (const label of new Set(profile.questions.flatMap(questionLabels))) {
      const kinds = labelUse.get(label) ?? new Set<string>();
      kinds.add(profile.kind);
      labelUse.set(label, kinds);
    }
  }
  const result = profiles.map((profile) => {
    const byLabel = new Map<string, Question>();
    const codes: Array<[string, Question]> = [];
    const distinctive = new Set<string>();
    for (const question of profile.questions) {
      for (const label of questionLabels(question)) {
        if (!byLabel.has(label)) byLabel.set(label, question);
        if (labelUse.get(label)!.size === 1) distinctive.add(question.name);
      }
      if (question.code) codes.push([question.code.toLowerCase(), question]);
    }
    const titles = distinctLabels([profile.title, ...(profile.titleAliases ?? [])]);
    const asked = new Set(profile.questions.map((question) => question.name));
    const notAsked = referenceProfile(profile.kind)
      .questions.filter((question) => !asked.has(question.name))
      .map((question): [string, string] => [question.name, question.label]);
    const mayBeCode = codes.length === 0 ? null : new RegExp(`^(?:${codes.map(([code]) => escapeRegExp(code)).join('|')})(?:$|[-.:[]|__)`);
    return { profile, titles, byLabel, codes, mayBeCode, distinctive, notAsked };
  });
  prepared.set(profiles, result);
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function codeMatches(candidateCode: string, code: string): boolean {
  if (candidateCode === code) return true;
  if (!candidateCode.startsWith(code)) return false;
  return /^(?:[-.:[]|__)/.test(candidateCode.slice(code.length));
}
