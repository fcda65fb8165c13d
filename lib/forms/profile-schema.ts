/**
 * Checks form profiles supplied as data (a council's JSON) before anything uses them. Every
 * problem is reported with the place it was found, in words a person can act on; a profile
 * with any problem is not used at all.
 */
import { z } from 'zod';
import { FORM_KINDS, QUESTION_TYPES, type FormKind, type FormProfile } from './profile';
import { FORM_NAMES, fieldNames, fieldSpec } from '../model/vocabulary';
import { normaliseLabel } from './normalise';

const fieldName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'must be a name in camelCase, like firstReviewDate');
const text = z.string().trim().min(1, 'must not be empty');

const answerSchema = z.strictObject({
  value: fieldName,
  label: text,
  aliases: z.array(text).optional(),
});

const columnSchema = z.strictObject({
  name: fieldName,
  label: text,
  aliases: z.array(text).optional(),
  type: z.enum(['text', 'date']),
});

const questionSchema = z
  .strictObject({
    name: fieldName,
    type: z.enum(QUESTION_TYPES as [string, ...string[]]),
    label: text,
    aliases: z.array(text).optional(),
    code: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be a Mosaic question code, like MA_START').optional(),
    section: z.string().optional(),
    answers: z.array(answerSchema).min(1, 'must list at least one answer').optional(),
    columns: z.array(columnSchema).min(1, 'must list at least one column').optional(),
  })
  .superRefine((question, ctx) => {
    const needsAnswers = question.type === 'choice' || question.type === 'multi';
    if (needsAnswers && !question.answers) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: `is needed for a ${question.type} question` });
    }
    if (!needsAnswers && question.answers) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: `is only for choice and multi questions, not ${question.type}` });
    }
    if (question.type === 'table' && !question.columns) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'is needed for a table question' });
    }
    if (question.type !== 'table' && question.columns) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: `is only for table questions, not ${question.type}` });
    }
    if (question.label && normaliseLabel(question.label) === '') {
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'has no words left once numbers and marks are taken off' });
    }
  });

const profileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, like acme-agreement'),
    kind: z.enum(FORM_KINDS as [string, ...string[]]),
    title: text,
    titleAliases: z.array(text).optional(),
    templateCode: z.string().optional(),
    questions: z.array(questionSchema).min(1, 'must list at least one question'),
  })
  .superRefine((profile, ctx) => {
    const seenNames = new Map<string, number>();
    const seenCodes = new Map<string, number>();
    const seenLabels = new Map<string, number>();
    profile.questions.forEach((question, index) => {
      const clash = (seen: Map<string, number>, key: string | undefined, what: string, path: string) => {
        if (!key) return;
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['questions', index, path],
            message: `${what} "${key}" is also used by question ${first + 1}`,
          });
        } else seen.set(key, index);
      };
      clash(seenNames, question.name, 'the name', 'name');
      checkVocabulary(profile.kind as FormKind, question, (path, message) =>
        ctx.addIssue({ code: 'custom', path: ['questions', index, ...path], message }));
      clash(seenCodes, question.code, 'the code', 'code');
      for (const label of new Set([question.label, ...(question.aliases ?? [])].map(normaliseLabel))) {
        clash(seenLabels, label, 'the label', 'label');
      }
    });
  });

/** The name of the vocabulary nearest to a misspelt one (two letters out at most), for the message. */
function nearest(name: string, names: readonly string[]): string | null {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const here = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
        previous = here;
      }
    }
    return row[b.length]!;
  };
  let best: { name: string; distance: number } | null = null;
  for (const candidate of names) {
    const found = distance(name, candidate);
    if (found <= 2 && (!best || found < best.distance)) best = { name: candidate, distance: found };
  }
  return best?.name ?? null;
}

const quoted = (items: readonly string[]) => items.map((item) => `"${item}"`).join(', ');

/**
 * A question held to the form vocabulary (lib/model): a field of that form, of its type, whose
 * answers are the field's values and whose columns are its columns. A field renamed, retyped or
 * given an answer value the rules do not know is refused, never read as something else.
 */
function checkVocabulary(
  kind: FormKind,
  question: { name: string; type: string; answers?: Array<{ value: string; label: string; aliases?: string[] }>; columns?: Array<{ name: string; type: string }> },
  report: (path: Array<string | number>, message: string) => void,
): void {
  const spec = fieldSpec(kind, question.name);
  if (!spec) {
    const near = nearest(question.name, fieldNames(kind));
    report(['name'], `"${question.name}" is not a question of the ${FORM_NAMES[kind]}${near ? `: did you mean "${near}"?` : ''} (its questions are listed in the form-profile guide)`);
    return;
  }
  if (spec.type !== question.type) {
    report(['type'], `must be "${spec.type}" for ${question.name}`);
    return;
  }
  if ('values' in spec && question.answers) {
    const seenValues = new Map<string, number>();
    const seenLabels = new Map<string, number>();
    question.answers.forEach((answer, at) => {
      if (!spec.values.includes(answer.value)) {
        const near = nearest(answer.value, spec.values);
        report(['answers', at, 'value'], `"${answer.value}" is not an answer of ${question.name}: it must be one of ${quoted(spec.values)}${near ? ` (did you mean "${near}"?)` : ''}`);
      }
      const first = seenValues.get(answer.value);
      if (first !== undefined) report(['answers', at, 'value'], `the value "${answer.value}" is also used by answer ${first + 1}`);
      else seenValues.set(answer.value, at);
      for (const label of new Set([answer.label, ...(answer.aliases ?? [])].map(normaliseLabel))) {
        const other = seenLabels.get(label);
        if (other !== undefined && other !== at) report(['answers', at, 'label'], `the answer "${label}" is also given by answer ${other + 1}`);
        else seenLabels.set(label, at);
      }
    });
  }
  if ('columns' in spec && question.columns) {
    const names = Object.keys(spec.columns);
    question.columns.forEach((column, at) => {
      const type = spec.columns[column.name];
      if (type === undefined) report(['columns', at, 'name'], `"${column.name}" is not a column of ${question.name}: it must be one of ${quoted(names)}`);
      else if (type !== column.type) report(['columns', at, 'type'], `must be "${type}" for the column ${column.name}`);
    });
  }
}

export type ProfileResult =
  | { ok: true; profiles: FormProfile[] }
  | { ok: false; errors: string[] };

function describePath(path: readonly PropertyKey[], input: unknown): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (const key of path) {
    const child = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const named = child && typeof child === 'object' ? (child as { name?: unknown; value?: unknown }) : undefined;
      const name = typeof named?.name === 'string' ? named.name : named?.value;
      const ordinal = `${key + 1}`;
      parts.push(typeof name === 'string' ? `${ordinal} (${name})` : ordinal);
    } else {
      parts.push(String(key));
    }
    node = child;
  }
  // "questions 3 (firstReviewDate) answers 2 label"
  return parts
    .map((part, index) => (index > 0 && /^\d/.test(part) ? `#${part}` : part))
    .join(' ')
    .replace(/ #/g, ' ');
}

function formatIssue(issue: z.core.$ZodIssue, input: unknown, prefix: string): string {
  const where = describePath(issue.path, input);
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    message = /received undefined/.test(issue.message) ? 'is missing' : `must be ${issue.expected === 'array' ? 'a list' : `${/^[aeiou]/.test(String(issue.expected)) ? 'an' : 'a'} ${issue.expected}`}`;
  } else if (issue.code === 'invalid_value') {
    message = `must be one of ${issue.values.map((value) => `"${String(value)}"`).join(', ')}`;
  } else if (issue.code === 'unrecognized_keys') {
    message = `has ${issue.keys.length === 1 ? 'a field' : 'fields'} a profile does not use: ${issue.keys.join(', ')}`;
  }
  const subject = [prefix, where].filter(Boolean).join(', ');
  return subject ? `${subject}: ${message}` : `The profile ${message}`;
}

/**
 * Checks one profile or a list of them, given as parsed JSON. Nothing is returned unless all of
 * it is right.
 */
export function parseProfiles(input: unknown): ProfileResult {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) return { ok: false, errors: ['The file holds no profile.'] };
  const errors: string[] = [];
  const profiles: FormProfile[] = [];
  const ids = new Set<string>();
  list.forEach((item, index) => {
    const prefix = list.length > 1 || Array.isArray(input) ? `Profile ${index + 1}` : '';
    const result = profileSchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push(formatIssue(issue, item, prefix));
      return;
    }
    const profile = result.data as FormProfile;
    if (ids.has(profile.id)) errors.push(`${prefix || 'Profile'}: the id "${profile.id}" is used twice`);
    ids.add(profile.id);
    profiles.push(profile);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, profiles };
}

/** Reads a profile file's text: JSON, then the checks of parseProfiles. */
export function parseProfileJson(json: string): ProfileResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`The file is not valid JSON: ${(error as Error).message}`] };
  }
  return parseProfiles(data);
}
