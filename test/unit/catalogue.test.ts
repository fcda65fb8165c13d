/**
 * The code held to the catalogue: every rule of rules.md is implemented with exactly its ID,
 * severity and paragraphs, no other rule exists, and every quoted sentence is the procedure's own.
 * The catalogue is read from ../shared/spec (the team's copy) where it is beside the project, and
 * from docs/spec (the copy kept with the code, which must then be the same) otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../lib/procedure/registry';
import type { FormKind } from '../../lib/forms/profile';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHARED = resolve(ROOT, '..', 'shared', 'spec');
const KEPT = join(ROOT, 'docs', 'spec');

function specText(file: string): string {
  return readFileSync(existsSync(join(SHARED, file)) ? join(SHARED, file) : join(KEPT, file), 'utf8');
}

interface CatalogueRule {
  id: string;
  severity: string;
  section: string;
}

const HEADINGS: Record<string, FormKind> = {
  'Decision record (`decision`)': 'decision',
  'Written agreement (`agreement`)': 'agreement',
  'Agreement review (`review`)': 'review',
};

function catalogue(): Record<FormKind, CatalogueRule[]> {
  const result: Record<FormKind, CatalogueRule[]> = { decision: [], agreement: [], review: [] };
  let form: FormKind | null = null;
  for (const line of specText('rules.md').split('\n')) {
    const heading = line.match(/^## (.*)$/);
    if (heading) form = HEADINGS[heading[1]!.trim()] ?? null;
    const row = line.match(/^\| `([a-z-]+)` \| (error|warning) \| ([^|]+) \|/);
    if (form && row) result[form].push({ id: row[1]!, severity: row[2]!, section: row[3]!.trim() });
  }
  return result;
}

function words(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

describe('the rule catalogue', () => {
  const rules = catalogue();

  it('is read whole from rules.md', () => {
    expect(rules.decision.length).toBeGreaterThan(20);
    expect(rules.agreement.length).toBeGreaterThan(15);
    expect(rules.review.length).toBeGreaterThan(8);
  });

  for (const form of ['decision', 'agreement', 'review'] as const) {
    it(`${form}: every rule implemented with its ID, severity and paragraphs, and no other`, () => {
      const implemented = RULES[form].map((rule) => ({ id: rule.id, severity: rule.severity, section: rule.section }));
      expect(implemented).toEqual(rules[form]);
      for (const rule of RULES[form]) expect(rule.form).toBe(form);
    });
  }

  it('quotes the procedure word for word', () => {
    const procedure = words(specText('procedure.txt'));
    for (const rule of Object.values(RULES).flat()) {
      for (const citation of rule.citations) {
        expect(procedure, `${rule.id}: ${citation.quote}`).toContain(words(citation.quote));
        expect(rule.section === 'all' || rule.section.includes(citation.section.split('.')[0]!), `${rule.id} cites ${citation.section}`).toBe(true);
      }
      if (rule.section !== 'all') expect(rule.citations.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('keeps the copy in docs/spec the same as the team’s, where that is beside the project', () => {
    if (!existsSync(SHARED)) return;
    for (const file of ['rules.md', 'procedure.txt']) {
      expect(readFileSync(join(KEPT, file), 'utf8'), file).toBe(readFileSync(join(SHARED, file), 'utf8'));
    }
  });
});
