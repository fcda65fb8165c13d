/** The fixture pages and what each must be recognised as (test/fixtures/expected/*.json). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormSnapshot, FieldValue } from '../../lib/forms/snapshot';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

export type ExpectedAnswer = string | null | string[] | { invalid: string } | Array<Record<string, unknown>>;

export interface ExpectedForm {
  kind: 'decision' | 'agreement' | 'review';
  personId: string | null;
  readOnly: boolean;
  answers: Record<string, ExpectedAnswer>;
  hidden: string[];
  missing: string[];
}

export interface Expected {
  description: string;
  form?: ExpectedForm | null;
  frames?: Record<string, ExpectedForm>;
  frameOf?: string;
  opens?: string;
}

export interface Fixture {
  file: string;
  html: string;
  expected: Expected;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(join(FIXTURES_DIR, 'expected'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = name.replace(/\.json$/, '.html');
      return {
        file,
        html: readFileSync(join(FIXTURES_DIR, file), 'utf8'),
        expected: JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected', name), 'utf8')) as Expected,
      };
    });
}

function dateAnswer(value: Extract<FieldValue, { type: 'date' }>): ExpectedAnswer {
  const { date } = value;
  if (date.state === 'empty') return null;
  return date.state === 'valid' ? date.iso : { invalid: date.text };
}

/** A field's value in the plain form the expectation files use. */
export function simpleAnswer(value: FieldValue): ExpectedAnswer {
  switch (value.type) {
    case 'text':
      return value.text;
    case 'date':
      return dateAnswer(value);
    case 'yesno':
      return value.answer;
    case 'choice':
      return value.answer ?? (value.text === null ? null : { invalid: value.text });
    case 'multi':
      return [...value.answers, ...value.unrecognised.map((text) => `?${text}`)];
    case 'table':
      return value.rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([name, cell]) => [name, cell.type === 'date' ? dateAnswer(cell) : cell.text])),
      );
  }
}

/** The snapshot in the plain form of the expectation files. */
export function simpleForm(snapshot: FormSnapshot): ExpectedForm {
  const answers: Record<string, ExpectedAnswer> = {};
  const hidden: string[] = [];
  for (const [name, field] of Object.entries(snapshot.fields)) {
    answers[name] = simpleAnswer(field.value);
    if (field.hidden) hidden.push(name);
  }
  return { kind: snapshot.kind, personId: snapshot.personId, readOnly: snapshot.readOnly, answers, hidden, missing: snapshot.missing };
}

/** The rule IDs each form must be reported with (test/fixtures/expected-rules.json); frames as "host.html#frame.html". */
export function expectedRules(key: string): string[] {
  const all = JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected-rules.json'), 'utf8')) as Record<string, string[]>;
  const rules = all[key];
  if (!rules) throw new Error(`No expected rules for ${key} in expected-rules.json`);
  return [...rules].sort();
}
