/**
 * The committed policy schema is the generated one (lib/platform/managed-schema.ts).
 * After changing the settings or the vocabulary: npm run schema (writes the file), and commit it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WHOLE_NUMBER_RANGES } from '../settings';
import { managedSchema, managedSchemaText } from './managed-schema';

const FILE = join(import.meta.dirname, '..', '..', 'public', 'managed-schema.json');

/** The keywords of JSON Schema that Chrome's policy schemas accept (and this one uses). */
const CHROME_KEYWORDS = new Set(['type', 'properties', 'items', 'enum', 'minimum', 'maximum', 'title', 'description']);

function keywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object') return found;
  for (const [key, value] of Object.entries(schema)) {
    found.add(key);
    if (key === 'properties') for (const child of Object.values(value as object)) keywords(child, found);
    else if (key === 'items') keywords(value, found);
  }
  return found;
}

describe('the policy schema', () => {
  if (process.env.MG_WRITE_SCHEMA) writeFileSync(FILE, managedSchemaText());

  it('is the committed file (npm run schema writes it)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(managedSchemaText());
  });

  it('gives every whole-number setting its range, so that chrome://policy shows a value out of it as an error', () => {
    const properties = managedSchema().properties as Record<string, Record<string, unknown>>;
    for (const [name, range] of Object.entries(WHOLE_NUMBER_RANGES)) {
      expect(properties[name]).toMatchObject({ type: 'integer', minimum: range.minimum, maximum: range.maximum });
    }
  });

  it('declares every property of a profile (Chrome drops what it does not declare), and uses only what Chrome accepts', () => {
    const profile = ((managedSchema().properties as Record<string, { items: { properties: Record<string, unknown> } }>).profiles!.items).properties;
    expect(Object.keys(profile).sort()).toEqual(['id', 'kind', 'questions', 'templateCode', 'title', 'titleAliases']);
    const question = (profile.questions as { items: { properties: Record<string, unknown> } }).items.properties;
    expect(Object.keys(question).sort()).toEqual(['aliases', 'answers', 'code', 'columns', 'label', 'name', 'section', 'type']);
    expect([...keywords(managedSchema())].filter((key) => !CHROME_KEYWORDS.has(key))).toEqual([]);
    expect((question.name as { enum: string[] }).enum).toContain('firstReviewDate');
    expect(((question.answers as { items: { properties: { value: { enum: string[] } } } }).items.properties.value.enum)).toContain('corporateParent');
  });
});
