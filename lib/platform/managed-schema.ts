/**
 * The policy schema (public/managed-schema.json), made from the one source of each part: the
 * settings and their ranges (../settings.ts) and the profile format with its vocabulary
 * (../model/vocabulary.ts). Chrome and Edge drop what an extension's schema does not declare, and
 * show a value out of its range as an error on chrome://policy; so every property of a profile is
 * declared, and every whole number has its minimum and maximum. Only the subset of JSON Schema
 * Chrome accepts is used: type, properties, items, enum, minimum, maximum, title, description.
 *
 *   npm run schema   writes public/managed-schema.json (a test keeps the file equal to this)
 */
import { FORM_KINDS, QUESTION_TYPES, VOCABULARY, fieldNames, type FieldSpec } from '../model/vocabulary';
import { DEFAULT_SETTINGS, ROLES, SETTING_NAMES, WHOLE_NUMBER_RANGES, type Settings } from '../settings';

type Schema = Record<string, unknown>;

/** What IT reads beside each setting, on chrome://policy and in an ADMX editor. */
const DESCRIBED: Record<keyof Settings, { title: string; description: string }> = {
  role: { title: 'Role', description: 'socialWorker, manager (the panel is a sign-off checklist) or teamLead.' },
  dueSoonDays: { title: 'Due-soon window (days)', description: 'Reviews due today or within this many days are due soon' },
  maxAgreementMonths: { title: 'Longest agreement (calendar months)', description: 'Agreements longer than this are reported as exceptional' },
  reminders: { title: 'Daily reminder', description: 'Show a daily notification of reviews overdue and due soon.' },
  reminderHour: { title: 'Reminder hour', description: 'The hour after which the daily reminder may show' },
  retentionDays: { title: 'Retention (days)', description: 'Tracked agreements that ended more than this many days ago are deleted' },
  recordAddress: { title: 'Person record address', description: "The https address of a person's record in Mosaic, with {id} where the person ID goes." },
  mosaicAddresses: {
    title: 'Mosaic addresses',
    description: "The council's Mosaic addresses (https origins, like https://mosaic.example.gov.uk) the guard runs on. Each user allows each address once in the options page.",
  },
  allowFitting: { title: 'Fit forms in the page', description: "Offer the 'Fit this form' button where the guard cannot find a form's questions (true or false)." },
};

/** The order the schema lists the settings in (as IT reads them), then the profiles. */
const ORDER: ReadonlyArray<keyof Settings> = ['mosaicAddresses', 'role', 'dueSoonDays', 'maxAgreementMonths', 'reminders', 'reminderHour', 'retentionDays', 'recordAddress', 'allowFitting'];

const text = { type: 'string' };
const texts = { type: 'array', items: text };
const unique = <T,>(items: Iterable<T>) => [...new Set(items)];

function settingSchema(name: keyof Settings): Schema {
  const { title, description } = DESCRIBED[name];
  if (name === 'role') return { title, description, type: 'string', enum: [...ROLES] };
  if (name === 'mosaicAddresses') return { title, description, type: 'array', items: text };
  if (name in WHOLE_NUMBER_RANGES) {
    const { minimum, maximum } = WHOLE_NUMBER_RANGES[name as keyof typeof WHOLE_NUMBER_RANGES];
    return { title, description: `${description} (${minimum} to ${maximum}).`, type: 'integer', minimum, maximum };
  }
  const value = DEFAULT_SETTINGS[name];
  return { title, description, type: typeof value === 'boolean' ? 'boolean' : 'string' };
}

/** A form profile, every property declared: names, types and answer values from the vocabulary. */
function profileSchema(): Schema {
  const specs = FORM_KINDS.flatMap((kind) => Object.values(VOCABULARY[kind]) as FieldSpec[]);
  const values = unique(specs.flatMap((spec) => ('values' in spec ? spec.values : [])));
  const columns = unique(specs.flatMap((spec) => ('columns' in spec ? Object.keys(spec.columns) : [])));
  return {
    type: 'object',
    properties: {
      id: text,
      kind: { type: 'string', enum: [...FORM_KINDS] },
      title: text,
      titleAliases: texts,
      templateCode: text,
      questions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: { type: 'string', enum: unique(FORM_KINDS.flatMap(fieldNames)) },
            type: { type: 'string', enum: [...QUESTION_TYPES] },
            label: text,
            aliases: texts,
            code: text,
            section: text,
            answers: { type: 'array', items: { type: 'object', properties: { value: { type: 'string', enum: values }, label: text, aliases: texts } } },
            columns: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string', enum: columns }, label: text, aliases: texts, type: { type: 'string', enum: ['text', 'date'] } } },
            },
          },
        },
      },
    },
  };
}

export function managedSchema(): Schema {
  if (ORDER.length !== SETTING_NAMES.length || !SETTING_NAMES.every((name) => ORDER.includes(name))) {
    throw new Error('Every setting must be in the policy schema, once');
  }
  return {
    type: 'object',
    properties: {
      ...Object.fromEntries(ORDER.map((name) => [name, settingSchema(name)])),
      profiles: {
        title: 'Form profiles',
        description: 'The council\'s own form profiles (see docs/form-profiles.md), as a list. A profile with any problem is not used.',
        type: 'array',
        items: profileSchema(),
      },
    },
  };
}

/** The file's text, as committed. */
export function managedSchemaText(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}
